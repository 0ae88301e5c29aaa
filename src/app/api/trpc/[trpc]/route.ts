import { handleTrpcRequest } from "@/server/api/http/trpc-handler";

export const dynamic = "force-dynamic";

// Next passes (request, { params }); the handler takes the request only.
const handler = (req: Request) => handleTrpcRequest(req);

export { handler as GET, handler as POST };
