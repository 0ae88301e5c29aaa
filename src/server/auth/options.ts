/**
 * next-auth configuration: email + password, JWT session cookies.
 *
 * The token carries only the user id (`sub`). Role and account are read from
 * the database on each request (caller.ts), so a role change or a removed
 * user takes effect on the next request, not when the token expires.
 * Cookies are httpOnly and SameSite=Lax, Secure in production (cookies.ts).
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/db/client";
import { sameOriginRedirect } from "./callback-url";
import { secureCookiesEnabled } from "./cookies";
import { authSecret } from "./secret";
import { checkCredentials, clientAddress } from "./sign-in";
import { SIGN_IN_THROTTLED, SIGN_IN_UNAVAILABLE } from "./sign-in-errors";

let cached: NextAuthOptions | undefined;

/** Built on first use, so `next build` needs no secret or database. */
export function getAuthOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

const buildAuthOptions = (): NextAuthOptions => ({
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  useSecureCookies: secureCookiesEnabled(),
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        let result;
        try {
          result = await checkCredentials(getDb(), credentials ?? {}, clientAddress(req.headers ?? {}));
        } catch (error) {
          // A thrown message reaches the browser's URL: never let a driver's message through.
          console.error("Sign-in check failed:", error);
          throw new Error(SIGN_IN_UNAVAILABLE);
        }
        if (result.ok) return result.user;
        // next-auth hands a thrown message to the form as ?error=; null becomes "CredentialsSignin".
        if (result.reason === "throttled") throw new Error(SIGN_IN_THROTTLED);
        return null;
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
    redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
  },
});
