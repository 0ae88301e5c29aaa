import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "@/server/api/root";
import { REST_BASE } from "./handler";

/** The OpenAPI 3.1 document of the REST API, generated from the router. */
export function openApiDocument(baseUrl: string) {
  return generateOpenApiDocument(appRouter, {
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
}
