/**
 * A TCP relay to the real PostgreSQL that a test can break in the two ways a
 * database goes away: `cut` refuses and resets (a restart), `blackhole`
 * accepts and then stays silent (a dropped network path, no RST).
 */
import net from "node:net";
import type { AddressInfo } from "node:net";

export type DbRelay = {
  port: number;
  /** The target URL with its host replaced by this relay. */
  url: string;
  /** Refuse new connections and drop every open one, as a database restart would. */
  cut: () => Promise<void>;
  /** Keep accepting connections but forward nothing, either way, on new or open ones. */
  blackhole: () => void;
  /** Forward again, after `cut` or `blackhole`. */
  restore: () => Promise<void>;
  stop: () => Promise<void>;
};

type Pair = { client: net.Socket; upstream: net.Socket };

export async function startDbRelay(target: URL): Promise<DbRelay> {
  const pairs = new Set<Pair>();
  let silent = false;
  const forward = ({ client, upstream }: Pair) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const hold = ({ client, upstream }: Pair) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const server = net.createServer((client) => {
    const pair = { client, upstream: net.connect(Number(target.port || 5432), target.hostname) };
    pairs.add(pair);
    for (const [s, other] of [[client, pair.upstream], [pair.upstream, client]] as const) {
      s.on("close", () => {
        other.destroy();
        pairs.delete(pair);
      });
      s.on("error", () => s.destroy());
    }
    if (silent) hold(pair);
    else forward(pair);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const url = new URL(target);
  url.host = `127.0.0.1:${port}`;
  const destroyAll = () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
  };
  return {
    port,
    url: url.toString(),
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        destroyAll();
      }),
    blackhole: () => {
      silent = true;
      pairs.forEach(hold);
    },
    restore: async () => {
      if (silent) {
        silent = false;
        pairs.forEach(forward);
      }
      if (!server.listening) await listen(port);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        destroyAll();
        if (server.listening) server.close(() => resolve());
        else resolve();
      }),
  };
}
