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
  return copy;
}
