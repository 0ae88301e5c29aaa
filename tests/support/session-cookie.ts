import { encode } from "next-auth/jwt";
import { authSecret } from "@/server/auth/secret";

/** The Cookie header a signed-in browser sends for this user. */
export async function sessionCookie(userId: string): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: userId }, secret: authSecret() })}`;
}
