/**
 * The REST API (and the browser's tRPC endpoint) served over real HTTP
 * (node:http on a free port), so tests call it exactly as a pilot's client
 * or the browser would: URL, headers, status, JSON body.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServerAdapter } from "@whatwg-node/server";
import { createRestHandler, handleRestRequest, type RestHandlerOptions } from "@/server/api/rest/handler";
import { openApiDocument } from "@/server/api/rest/openapi";
import { POST as trpcRoute } from "@/app/api/trpc/[trpc]/route";

export type RestServer = {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  server: Server;
  /** GET a path (with query) under the origin, optionally with a bearer token. */
  get(path: string, token?: string): Promise<{ status: number; headers: Headers; body: unknown; text: string }>;
  /** Any request under the origin; the body is parsed as JSON when it is JSON. */
  request(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: unknown; text: string }>;
  close(): Promise<void>;
};

export async function startRestServer(options?: RestHandlerOptions): Promise<RestServer> {
  const handle = options ? createRestHandler(options) : handleRestRequest;
  // Node's own Request/Response rather than the adapter's ponyfills: Next hands
  // the handler native ones, and trpc-to-openapi tells them apart with instanceof.
  const fetchAPI = { Request, Response, Headers, URL, ReadableStream, fetch };
  const adapter = createServerAdapter((req: Request) => {
    // The routes the Next app serves for pilots, and its tRPC route.
    const { pathname, origin } = new URL(req.url);
    if (pathname === "/api/openapi.json") return Response.json(openApiDocument(origin));
    // The app's tRPC route as Next serves it (one handler for GET and POST).
    if (pathname.startsWith("/api/trpc/")) return trpcRoute(req);
    return handle(req);
  }, { fetchAPI });
  const server = createServer(adapter);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const request: RestServer["request"] = async (path, init) => {
    const res = await fetch(origin + path, init);
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = JSON.parse(text);
    } catch {
      // left undefined: the test asserts on `text`
    }
    return { status: res.status, headers: res.headers, body, text };
  };

  return {
    origin,
    server,
    request,
    get: (path, token) => request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
