import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";

/** Waits until the first element matching <locator> shows <expected> (text, or a pattern), as a person would read it. */
export async function text(locator: Locator, expected: string | RegExp, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => ((await locator.count()) > 0 ? await locator.first().innerText() : ""), { timeout, interval: 100 })
    .toMatch(typeof expected === "string" ? new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : expected);
}

/** Opens the console tab called <name>. */
export async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
}
