/**
 * A REST procedure that answers something other than 200 on success says so
 * in its meta (`successStatus: 201` for a create, 204 for a delete). The REST
 * handler sends that status and the OpenAPI document lists it, from this one
 * lookup.
 */
import type { AnyRouter } from "@trpc/server";

export type SuccessStatus = 201 | 204;

export function successStatusOf(router: AnyRouter, path: string | undefined): SuccessStatus | undefined {
  if (!path) return undefined;
  const procedure = (router._def.procedures as Record<string, { _def?: { meta?: { successStatus?: SuccessStatus } } }>)[path];
  return procedure?._def?.meta?.successStatus;
}

type Responses = Record<string, { description?: string; content?: unknown } | undefined>;
type Paths = Record<string, Record<string, { responses?: Responses } | undefined> | undefined>;

/** Lists each such procedure's success under its real status (204 without a body) instead of 200. */
export function applySuccessStatuses(paths: Paths | undefined, router: AnyRouter): void {
  for (const [name, procedure] of Object.entries(router._def.procedures as Record<string, { _def?: { meta?: { openapi?: { path: string; method: string } } } }>)) {
    const status = successStatusOf(router, name);
    const openapi = procedure._def?.meta?.openapi;
    const responses = openapi && paths?.[openapi.path]?.[openapi.method.toLowerCase()]?.responses;
    const ok = responses?.["200"];
    if (!status || !responses || !ok) continue;
    delete responses["200"];
    responses[String(status)] = status === 204 ? { description: ok.description } : ok;
  }
}
