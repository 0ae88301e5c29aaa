import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { openApiDocument } from "@/server/api/rest/openapi";
import { CopyButton } from "./copy-button";

export const metadata: Metadata = { title: "API reference" };

// The parts of the generated OpenAPI document this page reads.
type Schema = {
  type?: string | string[];
  enum?: string[];
  default?: unknown;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  example?: unknown;
  $ref?: string;
};
type JsonBody = { content?: { "application/json"?: { schema?: Schema } } };
type Operation = {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: JsonBody;
  responses: Record<string, { description: string } & JsonBody>;
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function typeLabel(schema: Schema | undefined): string {
  if (!schema) return "";
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const base = types.join(" or ");
  return schema.format ? `${base} (${schema.format})` : base;
}

/** Text from the document, with its `backtick` spans shown as code. */
function Prose({ text }: { text: string }) {
  return text.split("`").map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-canvas px-1 font-mono text-sm">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

/** What a pilot's developer needs: how to authenticate, what to send, what comes back, and every error. */
export default async function ApiDocsPage() {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  const origin = `${proto}://${host}`;
  const doc = openApiDocument(origin);
  const baseUrl = doc.servers?.[0]?.url ?? `${origin}/api/v1`;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = (item as Record<string, Operation | undefined>)[method];
      return op ? [{ path, method, op }] : [];
    }),
  );

  const curl =
    `export FLOWPILOT_API_KEY=fp_your_key_here\n` +
    `curl -sS -H "Authorization: Bearer $FLOWPILOT_API_KEY" "${baseUrl}/analytics/flowpilot/escalations?period=30d"`;

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{doc.info.title} reference</h1>
        {doc.info.description ? (
          <p className="text-muted">
            <Prose text={doc.info.description} />
          </p>
        ) : null}
        <p className="text-sm text-muted">
          Machine-readable: <a className="text-accent underline" href="/api/openapi.json">/api/openapi.json</a>{" "}
          (OpenAPI {doc.openapi}, version {doc.info.version}).
        </p>
      </header>

      <section aria-labelledby="auth" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="auth" className="text-lg font-semibold">Authentication</h2>
        <p>
          Create a key under{" "}
          <Link className="text-accent underline" href="/settings/api-keys">
            API keys
          </Link>
          . It is shown once; store it as a secret. Send it on every request as{" "}
          <code className="rounded bg-canvas px-1 font-mono text-sm">Authorization: Bearer fp_…</code>. A key acts as
          the person who created it, with their current role. A revoked or unknown key gets 401.
        </p>
        <p className="text-sm text-muted">
          Base URL: <code className="break-all font-mono">{baseUrl}</code>
        </p>
      </section>

      <section aria-labelledby="try" className="space-y-3">
        <h2 id="try" className="text-lg font-semibold">Try it</h2>
        <pre className="overflow-x-auto rounded-lg border border-border bg-surface p-4 font-mono text-sm" tabIndex={0} aria-label="curl example">
          <code>{curl}</code>
        </pre>
        <CopyButton text={curl} label="Copy curl command" />
      </section>

      {operations.map(({ path, method, op }) => {
        // 200 for reads, 201 for a create, 204 (no body) for a delete.
        const successStatus = Object.keys(op.responses).find((status) => status.startsWith("2")) ?? "200";
        const ok = op.responses[successStatus]?.content?.["application/json"]?.schema;
        const okExample = ok?.example;
        const body = op.requestBody?.content?.["application/json"]?.schema;
        const errors = Object.entries(op.responses).filter(([status]) => !status.startsWith("2"));
        const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
        return (
          <section key={id} aria-labelledby={id} className="space-y-5 rounded-lg border border-border bg-surface p-4">
            <div className="space-y-1">
              <h2 id={id} className="flex flex-wrap items-baseline gap-x-2 text-lg font-semibold">
                <span className="rounded bg-accent px-1.5 py-0.5 font-mono text-xs uppercase text-accent-ink">{method}</span>
                <code className="break-all font-mono text-base">{path}</code>
              </h2>
              {op.summary ? <p className="font-medium">{op.summary}</p> : null}
              {op.description ? (
                <p className="text-muted">
                  <Prose text={op.description} />
                </p>
              ) : null}
            </div>

            {op.parameters?.length ? (
              <div className="space-y-2">
                <h3 className="font-semibold">{op.parameters.every((p) => p.in === "query") ? "Query parameters" : "Parameters"}</h3>
                <dl className="divide-y divide-border rounded-md border border-border">
                  {op.parameters.map((p) => (
                    <div key={p.name} className="space-y-1 p-3">
                      <dt className="flex flex-wrap gap-x-2">
                        <code className="font-mono font-semibold">{p.name}</code>
                        <span className="text-sm text-muted">
                          {p.in}, {p.required ? "required" : "optional"}
                        </span>
                      </dt>
                      <dd className="space-y-1 text-sm">
                        {p.schema?.description ? <p>{p.schema.description}</p> : null}
                        {p.schema?.enum ? (
                          <p>
                            One of{" "}
                            {p.schema.enum.map((v, i) => (
                              <span key={v}>
                                {i > 0 ? ", " : ""}
                                <code className="font-mono">{v}</code>
                              </span>
                            ))}
                            {p.schema.default !== undefined ? (
                              <>
                                ; default <code className="font-mono">{String(p.schema.default)}</code>
                              </>
                            ) : null}
                            . Empty, repeated or other values get 422.
                          </p>
                        ) : null}
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            ) : null}

            {body?.properties ? (
              <div className="space-y-2">
                <h3 className="font-semibold">Request body (JSON)</h3>
                <FieldList fields={body.properties} />
                {Object.values(body.properties).some((f) => f.example !== undefined) ? (
                  <ExampleBlock
                    label="Example request body"
                    value={Object.fromEntries(Object.entries(body.properties).map(([name, f]) => [name, f.example]))}
                  />
                ) : null}
              </div>
            ) : null}

            {successStatus === "204" ? (
              <p className="text-sm">
                <span className="font-semibold">204 response:</span> no body.
              </p>
            ) : ok?.properties ? (
              <div className="space-y-2">
                <h3 className="font-semibold">{successStatus} response (JSON)</h3>
                <FieldList fields={ok.properties} />
                {okExample !== undefined ? <ExampleBlock label="Example response" value={okExample} /> : null}
              </div>
            ) : null}

            {errors.length ? (
              <div className="space-y-2">
                <h3 className="font-semibold">Errors</h3>
                <p className="text-sm text-muted">
                  Every error is JSON with a human-readable <code className="font-mono">detail</code> and a{" "}
                  <code className="font-mono">code</code>; it never contains a stack trace or SQL.
                </p>
                <dl className="divide-y divide-border rounded-md border border-border">
                  {errors.map(([status, response]) => (
                    <div key={status} className="flex gap-3 p-3 text-sm">
                      <dt className="w-10 shrink-0 font-mono font-semibold">{status}</dt>
                      <dd>{response.description}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function FieldList({ fields }: { fields: Record<string, Schema> }) {
  return (
    <dl className="divide-y divide-border rounded-md border border-border">
      {Object.entries(fields).map(([name, field]) => (
        <div key={name} className="space-y-1 p-3">
          <dt className="flex flex-wrap gap-x-2">
            <code className="break-all font-mono font-semibold">{name}</code>
            <span className="text-sm text-muted">{typeLabel(field)}</span>
          </dt>
          {field.description ? <dd className="text-sm">{field.description}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

function ExampleBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <>
      <p className="text-sm text-muted">Example:</p>
      <pre className="overflow-x-auto rounded-md border border-border bg-canvas p-3 font-mono text-xs" tabIndex={0} aria-label={label}>
        <code>{JSON.stringify(value, null, 2)}</code>
      </pre>
    </>
  );
}
