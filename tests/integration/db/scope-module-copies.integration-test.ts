// A production build gives every route bundle, and instrumentation.ts, its own
// copy of each module, while the Prisma client is created once per process
// (by whichever bundle asks first) and shared through globalThis. A route's
// scope must still reach that client's BEGIN.
import { describe, expect, it, inject, vi } from "vitest";

describe("account scope across copies of its module", () => {
  it("opens on a client that another copy of the modules created", async () => {
    const { createDb } = await import("@/server/db/client");
    const db = createDb(inject("databaseUrl"));
    vi.resetModules();
    const { inAccountScope, APP_ROLE } = await import("@/server/db/scope");
    try {
      const role = await inAccountScope(db, null, async (tx) =>
        (await tx.$queryRaw<{ role: string }[]>`SELECT current_user AS role`)[0]!.role,
      );
      expect(role).toBe(APP_ROLE);
    } finally {
      await db.$disconnect();
    }
  });
});
