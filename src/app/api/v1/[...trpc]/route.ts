import { handleRestRequest } from "@/server/api/rest/handler";

export const dynamic = "force-dynamic";

// Next passes (request, { params }); the handler takes the request only.
const handler = (req: Request) => handleRestRequest(req);

export { handler as GET, handler as POST, handler as DELETE };
