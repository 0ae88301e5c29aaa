import type { Locator } from "@playwright/test";
import { expect } from "./test";

/**
 * Waits until React has attached to the element: the server-rendered HTML is
 * on screen before that, and a click or a chosen file on it would be lost.
 * React marks each element it has hydrated with its props (`__reactProps…`).
 */
export async function untilHydrated(control: Locator): Promise<void> {
  await expect
    .poll(() => control.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps"))), {
      message: "the control is hydrated",
    })
    .toBe(true);
}
