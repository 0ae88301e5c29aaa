/**
 * next-auth configuration: email + password, JWT session cookies.
 *
 * The token carries only the user id (`sub`). Role and account are read from
 * the database on each request (caller.ts), so a role change or a removed
 * user takes effect on the next request, not when the token expires.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/db/client";
import { dummyPasswordHash, verifyPassword } from "./password";
import { authSecret } from "./secret";

let cached: NextAuthOptions | undefined;

/** Built on first use, so `next build` needs no secret or database. */
export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

const buildAuthOptions = (): NextAuthOptions => ({
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const email = credentials?.email?.trim().toLowerCase() ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) return null;
        const user = await getDb().user.findUnique({ where: { email } });
        // Verify against a dummy hash for unknown emails so both failures take
        // the same time and look the same.
        const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
        if (!user || !ok) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
});
