import { describe, expect, it } from "vitest";
import { minutesRecoveredSentence } from "@/components/savings/verdict-sentence";

describe("minutesRecoveredSentence", () => {
  const faster = {
    verdict: "faster" as const,
    minutes_recovered_per_escalation: 5.218,
    escalations_per_30_days: 51.667,
    minutes_recovered_per_30_days: 269.594,
  };

  it("rounds the server's estimate as a person would say it", () => {
    expect(minutesRecoveredSentence(faster)).toBe(
      "About 5.2 minutes recovered per escalation; at 52 escalations per 30 days, about 270 minutes per 30 days.",
    );
    expect(minutesRecoveredSentence({ ...faster, minutes_recovered_per_30_days: 12_345.6 })).toContain("about 12,346 minutes");
  });

  it("claims nothing unless the verdict is faster", () => {
    for (const verdict of ["slower", "inconclusive", "insufficient_data"] as const) {
      expect(minutesRecoveredSentence({ ...faster, verdict })).toBeNull();
    }
    expect(minutesRecoveredSentence({ ...faster, minutes_recovered_per_30_days: null })).toBeNull();
  });
});
