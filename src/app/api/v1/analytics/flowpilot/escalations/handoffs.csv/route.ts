import { handleHandoffsCsvRequest } from "@/server/api/rest/handoffs-csv";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleHandoffsCsvRequest(req);
}
