import { describe, expect, it } from "vitest";
import { secureCookiesEnabled } from "@/server/auth/cookies";
import { clientAddress } from "@/server/auth/sign-in";
import { SIGN_IN_MESSAGES, SIGN_IN_THROTTLED, SIGN_IN_UNAVAILABLE, signInMessage } from "@/server/auth/sign-in-errors";

describe("secureCookiesEnabled", () => {
  it("is on for https and in production", () => {
    expect(secureCookiesEnabled({ NODE_ENV: "development", NEXTAUTH_URL: "https://flowpilot.example" })).toBe(true);
    expect(secureCookiesEnabled({ NODE_ENV: "production", NEXTAUTH_URL: undefined })).toBe(true);
    expect(secureCookiesEnabled({ NODE_ENV: "production", NEXTAUTH_URL: "http://flowpilot.example" })).toBe(true);
  });
  it("is off in development and for a production build on plain-http loopback", () => {
    expect(secureCookiesEnabled({ NODE_ENV: "development", NEXTAUTH_URL: undefined })).toBe(false);
    expect(secureCookiesEnabled({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3100" })).toBe(false);
    expect(secureCookiesEnabled({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
  });
});

describe("clientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: the client wrote it", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), 0)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "198.51.100.7, 10.0.0.2" }, 0)).toBeNull();
  });
  it("takes the address the outermost trusted proxy added", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": ["198.51.100.7", "10.0.0.2"] }, 2)).toBe("198.51.100.7");
  });
  it("is null without the header, or with fewer hops than trusted proxies", () => {
    expect(clientAddress(new Headers(), 1)).toBeNull();
    expect(clientAddress({}, 1)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "10.0.0.2" }, 2)).toBeNull();
  });
});

describe("signInMessage", () => {
  it("says the same thing for every credentials failure", () => {
    expect(signInMessage("CredentialsSignin")).toBe("Wrong email or password.");
  });
  it("does not blame the person for server-side failures", () => {
    expect(signInMessage(SIGN_IN_UNAVAILABLE)).toBe(SIGN_IN_MESSAGES.unavailable);
    expect(signInMessage("Configuration")).toBe(SIGN_IN_MESSAGES.unavailable);
  });
  it("explains throttling", () => {
    expect(signInMessage(SIGN_IN_THROTTLED)).toBe(SIGN_IN_MESSAGES.throttled);
  });
});
