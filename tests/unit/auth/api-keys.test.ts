import { describe, expect, it } from "vitest";
import { API_KEY_PREFIX, DISPLAY_PREFIX_LENGTH, generateApiKey, hashApiKey, parseBearer } from "@/server/auth/api-keys";

describe("generateApiKey", () => {
  it("makes fp_ + 43 base64url characters (256 random bits)", () => {
    const { token } = generateApiKey();
    expect(token.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(token).toMatch(/^fp_[A-Za-z0-9_-]{43}$/);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateApiKey().token));
    expect(tokens.size).toBe(200);
  });

  it("returns the sha256 of the token and a short display prefix, never the token itself", () => {
    const key = generateApiKey();
    expect(key.hash).toBe(hashApiKey(key.token));
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.hash).not.toContain(key.token.slice(3));
    expect(key.displayPrefix).toBe(key.token.slice(0, DISPLAY_PREFIX_LENGTH));
    expect(key.displayPrefix.length).toBeLessThan(key.token.length / 3);
  });
});

describe("hashApiKey", () => {
  it("is deterministic and distinguishes tokens that differ in one character", () => {
    const { token } = generateApiKey();
    const other = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(hashApiKey(token)).toBe(hashApiKey(token));
    expect(hashApiKey(other)).not.toBe(hashApiKey(token));
  });

  it("matches a known sha256 value", () => {
    expect(hashApiKey("fp_test")).toBe("8df09ee3aea10c1c5cb9bac000eea9e68b552d3e7d7d30f7eec684a4b7d035cf");
  });
});

describe("parseBearer", () => {
  const { token } = generateApiKey();

  it("is null without a header", () => {
    expect(parseBearer(null)).toBeNull();
    expect(parseBearer(undefined)).toBeNull();
    expect(parseBearer("")).toBeNull();
  });

  it("accepts a well-formed key, with any case of the scheme and surrounding spaces", () => {
    expect(parseBearer(`Bearer ${token}`)).toEqual({ token });
    expect(parseBearer(`bearer   ${token}  `)).toEqual({ token });
  });

  // A proxy in front of the app (staging's basic auth, say) may send its own
  // scheme; it is not a credential for us, so the session cookie still counts.
  it.each([
    ["Basic", "Basic c3RhZ2luZzpzZWNyZXQ="],
    ["Basic, with one of our tokens", `Basic ${token}`],
    ["Digest", 'Digest username="ops", realm="staging"'],
    ["a scheme that merely starts like ours", `Bearerish ${token}`],
    ["a bare scheme", "Negotiate"],
  ])("ignores another scheme: %s", (_what, header) => {
    expect(parseBearer(header)).toBeNull();
  });

  it.each([
    ["no token", "Bearer "],
    ["a bare Bearer", "Bearer"],
    ["a token without the prefix", `Bearer ${token.slice(3)}`],
    ["a truncated token", `Bearer ${token.slice(0, -1)}`],
    ["a token with extra characters", `Bearer ${token}x`],
    ["characters outside base64url", `Bearer fp_${"+".repeat(43)}`],
    ["two tokens", `Bearer ${token} ${token}`],
  ])("calls %s malformed", (_what, header) => {
    expect(parseBearer(header)).toEqual({ malformed: true });
  });
});
