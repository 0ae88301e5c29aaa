import { describe, expect, it } from "vitest";
import {
  divRoundHalfAway,
  referenceMetric,
  referenceStats,
  secondsRounded3,
  US_PER_DAY,
  US_PER_SECOND,
  usToIso,
} from "../../support/escalations-reference";

const s = (seconds: number) => BigInt(seconds) * US_PER_SECOND;

describe("escalations reference implementation", () => {
  it("gives the contract's example: deltas 30, 60, 180 → avg 90, median 60, p95 180", () => {
    expect(referenceStats([s(30), s(60), s(180)])).toEqual({
      n_handoffs_claimed: 3,
      n_handoffs_with_action: 3,
      avg_seconds_to_first_action: 90,
      median_seconds_to_first_action: 60,
      p95_seconds_to_first_action: 180,
    });
  });

  it("counts claimed handoffs without action, and gives nulls when none acted", () => {
    expect(referenceStats([null, null])).toEqual({
      n_handoffs_claimed: 2,
      n_handoffs_with_action: 0,
      avg_seconds_to_first_action: null,
      median_seconds_to_first_action: null,
      p95_seconds_to_first_action: null,
    });
    expect(referenceStats([null, s(5)]).n_handoffs_with_action).toBe(1);
  });

  it("takes the mean of the two middle values for an even count", () => {
    expect(referenceStats([s(10), s(20), s(40), s(100)]).median_seconds_to_first_action).toBe(30);
  });

  it("takes p95 by nearest rank: the 19th of 20, the 20th of 21", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => s(i + 1));
    expect(referenceStats(twenty).p95_seconds_to_first_action).toBe(19);
    const twentyOne = Array.from({ length: 21 }, (_, i) => s(i + 1));
    expect(referenceStats(twentyOne).p95_seconds_to_first_action).toBe(20);
    expect(referenceStats([s(7)]).p95_seconds_to_first_action).toBe(7);
  });

  it("rounds half away from zero at 3 decimals, exactly", () => {
    expect(divRoundHalfAway(5n, 10n)).toBe(1n);
    expect(divRoundHalfAway(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfAway(4n, 10n)).toBe(0n);
    expect(secondsRounded3(1_000_500n)).toBe(1.001); // 1.0005 s
    expect(secondsRounded3(1_000_499n)).toBe(1); // 1.000499 s
    expect(secondsRounded3(2_000_999n + 2_000_000n, 2n)).toBe(2); // mean 2.0004995 s
    expect(secondsRounded3(1n, 3n)).toBe(0); // 1/3 µs
  });

  it("measures from each claim to the first step strictly after it, on the same session only", () => {
    const now = 1_800_000_000n * US_PER_SECOND;
    const result = referenceMetric(
      [
        { accountId: "a", sessionId: "s1", claimedAtUs: now - s(100) },
        { accountId: "a", sessionId: "s1", claimedAtUs: now - s(50) },
        { accountId: "a", sessionId: "s2", claimedAtUs: now - s(10) }, // only a step at the claim
        { accountId: "a", sessionId: "s3", claimedAtUs: null }, // unclaimed
        { accountId: "b", sessionId: "s1", claimedAtUs: now - s(100) }, // other account
        { accountId: "a", sessionId: "s1", claimedAtUs: now - 8n * US_PER_DAY }, // outside 7d
        { accountId: "a", sessionId: "s1", claimedAtUs: now + 1n }, // in the future
      ],
      [
        { sessionId: "s1", createdAtUs: now - s(100) }, // at the first claim: not after it
        { sessionId: "s1", createdAtUs: now - s(40) },
        { sessionId: "s2", createdAtUs: now - s(10) },
        { sessionId: "s9", createdAtUs: now - s(99) }, // another session
      ],
      { accountId: "a", nowUs: now, days: 7 },
    );
    expect(result).toEqual({
      n_handoffs_claimed: 3,
      n_handoffs_with_action: 2,
      avg_seconds_to_first_action: 35, // (60 + 10) / 2
      median_seconds_to_first_action: 35,
      p95_seconds_to_first_action: 60,
    });
  });

  it("includes claims exactly at both ends of the window", () => {
    const now = 1_800_000_000n * US_PER_SECOND;
    const start = now - 7n * US_PER_DAY;
    const handoffs = [start - 1n, start, now, now + 1n].map((claimedAtUs) => ({
      accountId: "a",
      sessionId: "s",
      claimedAtUs,
    }));
    expect(referenceMetric(handoffs, [], { accountId: "a", nowUs: now, days: 7 }).n_handoffs_claimed).toBe(2);
  });

  it("writes microsecond timestamps", () => {
    expect(usToIso(1_800_000_000_123_456n)).toBe("2027-01-15T08:00:00.123456Z");
    expect(usToIso(0n)).toBe("1970-01-01T00:00:00.000000Z");
  });
});
