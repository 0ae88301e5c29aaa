import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ZPgUuid } from "@/server/api/schemas";
import { api, HydrateClient } from "@/trpc/server";
import { requireUser } from "@/server/auth/session";
import { SessionView } from "./session-view";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/sessions/${id}`);
  if (!ZPgUuid.safeParse(id).success) notFound();
  await api.queue.session.prefetch({ sessionId: id });
  return (
    <HydrateClient>
      <SessionView sessionId={id} />
    </HydrateClient>
  );
}
