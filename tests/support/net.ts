import net from "node:net";

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => srv.once("listening", resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/**
 * Waits until `url` answers 200 and returns its JSON body; fails at once if
 * the server process exits first, with its output.
 */
export async function waitForHealth(
  url: string,
  server: { exitCode: () => number | null; output: () => string },
  timeoutMs = 240_000,
): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode() !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return (await res.json()) as unknown;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no healthy server at ${url}:\n${server.output()}`);
}
