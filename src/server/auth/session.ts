/**
 * The signed-in user for server components and pages, read fresh from the
 * database (role changes apply on the next request). `requireUser` sends
 * visitors without a session to /signin and brings them back afterwards.
 */
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/server/db/client";
import { resolveCaller } from "./caller";
import type { Caller } from "./roles";

/**
 * Once per request: the visitor's user, from the session cookie. Pages act as
 * the signed-in user only, so an Authorization header is ignored here.
 */
export const currentUser = cache(async (): Promise<Caller | null> => {
  const h = new Headers(await headers());
  h.delete("authorization");
  const { caller } = await resolveCaller(getDb(), new Request("http://internal/page", { headers: h }));
  return caller;
});

export async function requireUser(returnTo: string): Promise<Caller> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
