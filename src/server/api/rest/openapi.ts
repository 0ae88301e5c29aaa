/**
 * The OpenAPI 3.1 document of the REST API, generated from the router: the
 * paths, parameters and 200 schemas come from each procedure's zod input and
 * output, so the document cannot drift from what the API does.
 *
 * trpc-to-openapi describes errors as `{ message, code, issues }` and forbids
 * other fields; our errors also carry `detail` (the text to show a person)
 * and `data`, so the error schemas are widened to say so.
 */
import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "@/server/api/root";
import { HANDOFF_COLUMNS } from "@/server/api/routers/analytics/handoffs.types";
import { REST_BASE } from "./handler";
import { applySuccessStatuses } from "./success-status";

type JsonSchema = {
  properties?: Record<string, unknown>;
  required?: string[];
  additionalProperties?: boolean;
  example?: Record<string, unknown>;
};

export function openApiDocument(baseUrl: string) {
  const document = generateOpenApiDocument(appRouter, {
    title: "FlowPilot API",
    version: "1.0.0",
    description:
      "REST API for pilot customers. Authenticate with an API key from Settings → API keys, sent as " +
      "`Authorization: Bearer <key>`. Errors are JSON with a human-readable `detail`.",
    baseUrl: baseUrl + REST_BASE,
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "A FlowPilot API key (fp_…)." },
    },
  });
  // The generator caches error schemas between calls; work on a copy.
  const copy = structuredClone(document);
  applySuccessStatuses(copy.paths as Parameters<typeof applySuccessStatuses>[0], appRouter);
  applyErrorDescriptions(copy.paths as Parameters<typeof applyErrorDescriptions>[0]);
  for (const [name, schema] of Object.entries(copy.components?.schemas ?? {}) as [string, JsonSchema][]) {
    if (!name.startsWith("error.")) continue;
    schema.properties = {
      detail: { type: "string", description: "What went wrong, in words to show a person." },
      ...schema.properties,
      data: { type: "object", description: "The tRPC error code, HTTP status and procedure path." },
    };
    schema.required = ["detail", ...(schema.required ?? [])];
    schema.additionalProperties = true;
    if (schema.example) schema.example = { detail: schema.example.message, ...schema.example };
  }
  addHandoffsCsv(copy as unknown as Parameters<typeof addHandoffsCsv>[0]);
  return copy;
}

type ErrorPaths = Record<string, Record<string, { responses?: Record<string, object | undefined> } | undefined> | undefined>;
type OpenApiMetaLike = { openapi?: { path: string; method: string; errorResponses?: Record<string, string> } };

/**
 * Each operation's error descriptions as its own meta words them. The
 * generator shares one response object per error status across operations,
 * so without this every 403 read like the first procedure's ("needs the
 * engineer or admin role"), also where admin or an API-key scope is needed.
 */
function applyErrorDescriptions(paths: ErrorPaths | undefined) {
  const procedures = appRouter._def.procedures as Record<string, { _def?: { meta?: OpenApiMetaLike } }>;
  for (const procedure of Object.values(procedures)) {
    const openapi = procedure._def?.meta?.openapi;
    const responses = openapi && paths?.[openapi.path]?.[openapi.method.toLowerCase()]?.responses;
    if (!responses || !openapi.errorResponses) continue;
    for (const [status, description] of Object.entries(openapi.errorResponses)) {
      const shared = responses[status];
      if (shared) responses[status] = { ...shared, description };
    }
  }
}

type Operation = { parameters?: { name: string }[]; responses?: Record<string, unknown>; [key: string]: unknown };

/**
 * The CSV export is a route of its own (its body is a stream, not JSON), so
 * the generator does not see it. It takes the drill-down's parameters except
 * paging, and fails the same ways, so its entry is derived from /handoffs.
 */
function addHandoffsCsv(doc: { paths?: Record<string, Record<string, Operation> | undefined> }) {
  const handoffs = doc.paths?.["/analytics/flowpilot/escalations/handoffs"]?.get;
  if (!doc.paths || !handoffs) return;
  const columns = HANDOFF_COLUMNS.join(",");
  doc.paths["/analytics/flowpilot/escalations/handoffs.csv"] = {
    get: {
      ...structuredClone(handoffs),
      operationId: "analytics-escalationsHandoffsCsv",
      summary: "The claimed handoffs behind the numbers, as CSV",
      description:
        "The same rows and filters as /handoffs, without paging, streamed as RFC 4180 CSV (UTF-8, CRLF, header row). " +
        "Null is an empty cell. Text cells starting with =, +, -, @, tab or carriage return get a leading apostrophe " +
        "(spreadsheet formula injection). Recomputing avg/median/p95 from seconds_to_first_action gives the numbers " +
        "/escalations returns for the same window and filters. Needs the engineer or admin role.",
      parameters: handoffs.parameters?.filter((p) => p.name !== "limit" && p.name !== "cursor"),
      responses: {
        ...handoffs.responses,
        200: {
          description: 'CSV, sent as an attachment: Content-Disposition: attachment; filename="escalations-<window>.csv".',
          content: {
            "text/csv": {
              schema: { type: "string" },
              example: `${columns}\r\n9b2f5c1e-7a3d-4e8b-a1c4-5d6e7f809a1b,1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f,high,` +
                `3f0e8a52-4c1b-4f7e-9d51-0b6c2a7e9d10,Erin Engineer,2026-11-27T12:00:00.123456Z,2026-11-27T12:01:30.123456Z,90\r\n`,
            },
          },
        },
      },
    },
  };
}
