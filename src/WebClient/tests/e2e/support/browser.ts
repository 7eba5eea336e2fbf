import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { artifactsDir } from "./gateway";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// The machines have a closed network: no background traffic, no component updates, no QUIC.
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/**
 * Debian's Chromium, headless. Playwright's launch() gives the browser a fresh temporary user-data folder (removed on
 * close), and each participant gets its own context: separate storage, as separate people on separate machines.
 */
export async function launchBrowser(): Promise<Browser> {
  return await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

export interface Participant {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, to fail on. */
  errors: string[];
}

export async function newParticipant(browser: Browser, viewport = { width: 1440, height: 1000 }): Promise<Participant> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(artifactsDir, "screenshots");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
