import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: RouteContext) {
  return NextAuth(getAuthOptions())(req, ctx);
}

export { handler as GET, handler as POST };
