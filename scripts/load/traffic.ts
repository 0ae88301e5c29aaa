/**
 * The kinds of request the load test sends, and one autocannon instance per
 * kind so each gets its own offered rate and its own numbers.
 *
 * Every answer is recorded as a Sample (kind, time, latency, status); a
 * socket error or timeout is a sample with status 0. Writes that were
 * answered 2xx are remembered so the run can check afterwards that each is
 * in the database.
 */
import autocannon from "autocannon";
import type { Sample } from "./stats";

export type RequestSpec = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string };

export type Kind = {
  name: string;
  /** the next request to send; called once per request */
  next: () => RequestSpec;
  /** called with every 2xx answer's body and the request it answered */
  onSuccess?: (body: string, request: RequestSpec) => void;
  /** statuses that are normal answers for this kind besides 2xx */
  expected?: readonly number[];
};

export type Shot = {
  kind: Kind;
  /** requests per second offered; omitted = as fast as `connections` allow */
  rate?: number;
  connections: number;
  seconds: number;
};

export type Clock = { now: () => number };

/** A clock in ms since it was made, shared by every sample of a run. */
export function startClock(): Clock {
  const t0 = performance.now();
  return { now: () => performance.now() - t0 };
}

/**
 * Runs the shots at the same time against `origin` (a loopback URL) and
 * resolves with every sample once all are done.
 */
export async function fire(origin: string, shots: readonly Shot[], clock: Clock, sink: Sample[] = []): Promise<Sample[]> {
  const url = new URL(origin);
  if (url.hostname !== "127.0.0.1") throw new Error(`load traffic goes to 127.0.0.1 only, not ${url.hostname}`);
  await Promise.all(shots.map((shot) => fireOne(origin, shot, clock, sink)));
  return sink;
}

function fireOne(origin: string, shot: Shot, clock: Clock, sink: Sample[]): Promise<void> {
  const { kind } = shot;
  // The request each connection has in flight: autocannon sends one at a
  // time per connection (no pipelining), so the answer belongs to it.
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: shot.connections,
        duration: shot.seconds,
        ...(shot.rate !== undefined ? { overallRate: Math.max(1, Math.round(shot.rate)) } : {}),
        timeout: 10,
        requests: [
          {
            setupRequest: (req: autocannon.Request, context: object) => {
              const spec = kind.next();
              (context as { spec?: RequestSpec }).spec = spec;
              return { ...req, method: spec.method, path: spec.path, headers: spec.headers, body: spec.body };
            },
            onResponse: (status: number, body: string, context: object) => {
              const spec = (context as { spec?: RequestSpec }).spec;
              if (status >= 200 && status < 300 && kind.onSuccess && spec) kind.onSuccess(body, spec);
            },
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      sink.push({ kind: kind.name, at: clock.now(), latencyMs: responseTime, status: statusCode });
    });
    instance.on("reqError", () => {
      sink.push({ kind: kind.name, at: clock.now(), latencyMs: 10_000, status: 0 });
    });
  });
}
