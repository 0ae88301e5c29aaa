import { afterEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSessionToken } from "@/server/auth/session-token";

const SECRET = "session-token-test-secret-0123456789";

describe("session token decoding", () => {
  afterEach(() => vi.useRealTimers());

  it("names the same user on every decode of a token", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: SECRET });
    expect((await decodeSessionToken(token, SECRET))?.sub).toBe("user-1");
    expect((await decodeSessionToken(token, SECRET))?.sub).toBe("user-1");
  });

  it("refuses a token made with another secret, even after a decode with its own", async () => {
    const token = await encode({ token: { sub: "user-2" }, secret: SECRET });
    expect((await decodeSessionToken(token, SECRET))?.sub).toBe("user-2");
    expect(await decodeSessionToken(token, "another-secret-entirely-0123456789")).toBeNull();
  });

  it("refuses a tampered or garbage token", async () => {
    const token = await encode({ token: { sub: "user-3" }, secret: SECRET });
    const parts = token.split(".");
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("AA") ? "BB" : "AA");
    expect(await decodeSessionToken(parts.join("."), SECRET)).toBeNull();
    expect(await decodeSessionToken("not-a-token", SECRET)).toBeNull();
  });

  it("refuses a token once it has expired, after decoding it before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-29T10:00:00Z"));
    const token = await encode({ token: { sub: "user-4" }, secret: SECRET, maxAge: 60 });
    expect((await decodeSessionToken(token, SECRET))?.sub).toBe("user-4");
    // Past exp and next-auth's 15 s tolerance.
    vi.setSystemTime(new Date("2026-11-29T10:01:16Z"));
    expect(await decodeSessionToken(token, SECRET)).toBeNull();
  });
});
