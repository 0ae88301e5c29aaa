import { expect, test } from "./support/test";

test("the server is up and reaches its database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("an unauthenticated REST call gets 401 with a detail, whatever its query", async ({ request }) => {
  for (const query of ["", "?period=30d", "?period=1d"]) {
    const res = await request.get(`/api/v1/analytics/flowpilot/escalations${query}`);
    expect(res.status()).toBe(401);
    const body = await res.json();
    expect(typeof body.detail).toBe("string");
    expect(JSON.stringify(body)).not.toMatch(/stack|at \w+ \(/);
  }
});
