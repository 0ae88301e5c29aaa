import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** Liveness plus database reachability, for load balancers and the e2e runner. */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "degraded", detail: "The database is unavailable." }, { status: 503 });
  }
}
