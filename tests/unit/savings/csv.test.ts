import { describe, expect, it } from "vitest";
import { parseBaselineCsv } from "@/server/savings/csv";

const HEADER = "measured_at,seconds,engineer_name,note";

function errorsOf(text: string) {
  const result = parseBaselineCsv(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe("baseline CSV", () => {
  it("reads the four columns in any order, ignores extra columns, trims, and keeps empty text as null", () => {
    const result = parseBaselineCsv(
      [
        "note,extra,seconds,measured_at,engineer_name",
        '"VPN, again",x,512.25,2026-11-20T09:14:03Z,Erin',
        ",,95,2026-11-20T11:02:40+01:00,  ",
      ].join("\r\n"),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, timing: { measured_at: "2026-11-20T09:14:03Z", seconds: 512.25, engineer_name: "Erin", note: "VPN, again" } },
        { line: 3, timing: { measured_at: "2026-11-20T11:02:40+01:00", seconds: 95, engineer_name: null, note: null } },
      ],
    });
  });

  it("reports every bad line by its number (header = 1), counting blank lines and multi-line quoted notes", () => {
    const errors = errorsOf(
      [
        HEADER,
        "2026-11-20T09:14:03Z,0,,", // 2: zero
        "",
        '2026-11-20T09:14:03Z,30,Erin,"two', // 4: a note over two lines
        'lines"',
        "2026-11-20T09:14:03Z,604800.001,,", // 6: over a week
        "2026-11-20T09:14:03Z,1.2345,,", // 7: four decimals
        "2026-11-20T09:14:03Z,abc,,", // 8: not a number
        "2026-11-20 09:14:03,30,,", // 9: not ISO with offset
        "2999-01-01T00:00:00Z,30,,", // 10: future
        "2026-11-20T09:14:03Z,,,", // 11: missing seconds
        "2026-11-20T09:14:03Z,-5,,", // 12: negative
        "2026-11-20T09:14:03Z,1e3,,", // 13: exponent
        `2026-11-20T09:14:03Z,30,${"x".repeat(201)},`, // 14: name too long
        "2026-11-20T09:14:03Z,604800,,fine", // 15: a week exactly is fine
      ].join("\n"),
    );
    expect(errors.map((e) => e.line)).toEqual([2, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const reason = (line: number) => errors.find((e) => e.line === line)!.reason;
    expect(reason(2)).toMatch(/greater than 0/);
    expect(reason(6)).toMatch(/at most 604800/);
    expect(reason(7)).toMatch(/3 decimals/);
    expect(reason(8)).toMatch(/seconds must be a number/);
    expect(reason(9)).toMatch(/ISO 8601/);
    expect(reason(10)).toMatch(/future/);
    expect(reason(11)).toMatch(/seconds is missing/);
    expect(reason(14)).toMatch(/at most 200 characters/);
  });

  it("refuses a file without the required header, an empty file, a header alone, and an unclosed quote", () => {
    expect(errorsOf("")).toEqual([{ line: 1, reason: expect.stringMatching(/empty/) }]);
    expect(errorsOf("2026-11-20T09:14:03Z,30,,\n")).toEqual([{ line: 1, reason: expect.stringMatching(/missing measured_at, seconds/) }]);
    expect(errorsOf(`${HEADER}\n`)).toEqual([{ line: 1, reason: expect.stringMatching(/no timings/) }]);
    const unclosed = errorsOf(`${HEADER}\n2026-11-20T09:14:03Z,30,,fine\n2026-11-20T09:14:03Z,30,,"never closed\n`);
    expect(unclosed[0]).toEqual({ line: 3, reason: expect.stringMatching(/never closed/) });
  });

  it("accepts a byte-order mark and NUL-free text only", () => {
    expect(parseBaselineCsv(`\uFEFF${HEADER}\n2026-11-20T09:14:03Z,30,,`).ok).toBe(true);
    expect(errorsOf(`${HEADER}\n2026-11-20T09:14:03Z,30,,a\u0000b`)[0]!.reason).toMatch(/NUL/);
  });
});
