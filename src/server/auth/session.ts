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
import { resolveSessionUser } from "./caller";
import type { Caller } from "./roles";

/** Once per request: the visitor's user, from the session cookie (pages never act as an API key). */
export const currentUser = cache(async (): Promise<Caller | null> => resolveSessionUser(getDb(), await headers()));

export async function requireUser(returnTo: string): Promise<Caller> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
