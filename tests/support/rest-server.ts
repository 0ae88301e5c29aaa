/**
 * The REST API (and the tRPC endpoint beside it) served over real HTTP
 * (node:http on a free port), so tests call them exactly as a pilot's
 * client or the browser would: URL, headers, status, JSON body.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll } from "vitest";
import type { AddressInfo } from "node:net";
import { createServerAdapter } from "@whatwg-node/server";
import { createRestHandler, handleRestRequest, type RestHandlerOptions } from "@/server/api/rest/handler";
import { createTrpcHandler, TRPC_BASE } from "@/server/api/http/trpc-handler";
import { openApiDocument } from "@/server/api/rest/openapi";
import { createHandoffsCsvHandler, handleHandoffsCsvRequest, HANDOFFS_CSV_PATH } from "@/server/api/rest/handoffs-csv";

export type RestServer = {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  server: Server;
  /** GET a path (with query) under the origin, optionally with a bearer token. */
  get(path: string, token?: string): Promise<ServerResponse>;
  /** Any request under the origin; the body is parsed as JSON when it is JSON. */
  request(path: string, init?: RequestInit): Promise<ServerResponse>;
  close(): Promise<void>;
};

type ServerResponse = { status: number; headers: Headers; body: unknown; text: string };

export async function startRestServer(options?: RestHandlerOptions): Promise<RestServer> {
  const handle = options ? createRestHandler(options) : handleRestRequest;
  const handleTrpc = createTrpcHandler(options);
  const handleCsv = options ? createHandoffsCsvHandler(options) : handleHandoffsCsvRequest;
  // Node's own Request/Response rather than the adapter's ponyfills: Next hands
  // the handler native ones, and trpc-to-openapi tells them apart with instanceof.
  const fetchAPI = { Request, Response, Headers, URL, ReadableStream, fetch };
  const adapter = createServerAdapter((req: Request) => {
    // The routes the Next app serves: the OpenAPI document, tRPC, the CSV export and REST.
    const { pathname, origin } = new URL(req.url);
    if (pathname === "/api/openapi.json") return Response.json(openApiDocument(origin));
    if (pathname.startsWith(`${TRPC_BASE}/`)) return handleTrpc(req);
    if (pathname === HANDOFFS_CSV_PATH) return handleCsv(req);
    return handle(req);
  }, { fetchAPI });
  const server = createServer(adapter);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  async function send(path: string, init?: RequestInit): Promise<ServerResponse> {
    const res = await fetch(origin + path, init);
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = JSON.parse(text);
    } catch {
      // left undefined: the test asserts on `text`
    }
    return { status: res.status, headers: res.headers, body, text };
  }

  return {
    origin,
    server,
    get: (path, token) => send(path, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    request: send,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * The suite's REST server: started before its first test and closed after
 * its last. Use it at the top of a test file instead of writing the hooks.
 */
export function restServerForSuite(options?: RestHandlerOptions): RestServer {
  let started: RestServer | undefined;
  beforeAll(async () => {
    started = await startRestServer(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const live = () => {
    if (!started) throw new Error("the suite's REST server starts in beforeAll; call it from a test");
    return started;
  };
  return {
    get origin() {
      return live().origin;
    },
    get server() {
      return live().server;
    },
    get: (path, token) => live().get(path, token),
    request: (path, init) => live().request(path, init),
    close: () => live().close(),
  };
}
