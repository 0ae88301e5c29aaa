import { handleRestRequest } from "@/server/api/rest/handler";

export const dynamic = "force-dynamic";

export { handleRestRequest as GET, handleRestRequest as POST };
