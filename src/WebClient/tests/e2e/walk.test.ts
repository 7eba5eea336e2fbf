import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newParticipant, screenshot, type Participant } from "./support/browser";
import { text, tab } from "./support/page";
import { artifactsDir, GatewayProcess } from "./support/gateway";

/**
 * "Testing as a person would" (DEVELOPERS.md, Walk): Northern Shield played through the browser over three full turns
 * by five people in separate browser contexts — exercise control, two allied teams (Letavia and Arvenia, both in the
 * Northern Shield Alliance), a team whose nation is not a member (Dravenia) and an observer. Each turn: control opens
 * orders, every team gives an order through the order form, one act happens in the alliance (a consultation request,
 * a draft decision, a vote), control publishes news or releases an inject, and control advances through adjudication
 * to results. After every step each person checks what they see, and every page is scanned for internal keys.
 */

type Person = "control" | "letavia" | "arvenia" | "dravenia" | "observer";

async function phase(page: Page, expected: string): Promise<void> {
  await text(page.getByTestId("phase"), new RegExp(`^${expected}$`));
}

/**
 * What must never be on screen: the wire's event and command keys, ids the server or client made up, .NET type names
 * and exception text. A person reads sentences in the domain's words; any of these means a view forgot to translate.
 */
const INTERNAL_KEYS: { what: string; pattern: RegExp }[] = [
  { what: "a wire event key", pattern: /\b[a-z]+\.[a-z]+(-[a-z]+)+\b/ },
  { what: "a wire command key", pattern: /\b(exercise|alliance|nation|access|news|inject|msel|negotiation|order|orders)\.[a-z]+[A-Z][A-Za-z]*\b/ },
  { what: "a code id", pattern: /\bcode-\d+\b/ },
  { what: "an attack id", pattern: /\b\d+\/attack\// },
  { what: "a delivery id", pattern: /\bdelivery\/\d+/ },
  { what: "an inject id", pattern: /\binject [a-z0-9]+(-[a-z0-9]+)+\b|\bi\d{2}-[a-z]+(-[a-z]+)*\b/ },
  { what: "a field name", pattern: /\b(orderId|commandId|draftId|consultationId|attackId|injectId|exerciseId)\b|\$type/ },
  { what: "a client-made id", pattern: /\b[cdo]-[0-9a-f]{8}\b/ },
  { what: "a GUID", pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i },
  { what: "a .NET type name", pattern: /\bCrisisGrid\.|\bSystem\.[A-Z]|\bOrleans\./ },
  { what: "exception text", pattern: /Exception\b|Stack trace|deserializ|Object reference not set|\bat [A-Z][A-Za-z]+\.[A-Z]/ },
  { what: "an undefined value", pattern: /\b(undefined|NaN|null)\b|\[object Object\]/ },
  { what: "a raw enum value", pattern: /\b(jointDeployment|collectiveStatement|collectiveDefence|publicStatement|shareIntelligence|silenceProcedure|qualifiedMajority|decisionMaking|intelligenceSharing|burdenSharing|borderIncident|disinformationCampaign|cyberAttack|economicShock|regionalPartnership)\b/ },
];

/** The visible text of the page (closed <details>, hidden tabs and tooltips do not count: a person cannot read them). */
async function internalKeysOnScreen(page: Page, allowed: readonly string[] = []): Promise<string[]> {
  let visible = await page.evaluate(() => document.body.innerText);
  for (const a of allowed) {
    visible = visible.split(a).join(" ");
  }

  const found: string[] = [];
  for (const { what, pattern } of INTERNAL_KEYS) {
    const hit = visible.match(pattern);
    if (hit) {
      const at = hit.index ?? 0;
      found.push(`${what}: "${hit[0]}" in "…${visible.slice(Math.max(0, at - 60), at + hit[0].length + 60).replace(/\s+/g, " ")}…"`);
    }
  }

  return found;
}

describe("Walk: Northern Shield over three turns, as five people would play it", () => {
  const gateway = new GatewayProcess();
  let browser: Browser;
  const people = {} as Record<Person, Participant>;
  let exerciseId = "";
  let facilitatorCode = "";
  const realYear = String(new Date().getFullYear());

  async function issue(args: Record<string, unknown>): Promise<string> {
    const { accessToken } = await gateway.post<{ accessToken: string }>("/api/join", { code: facilitatorCode });
    const reply = await gateway.post<{ output: string }>(
      `/api/exercises/${exerciseId}/commands`,
      { commandId: `walk-issue-${Math.random()}`, type: "access.issueJoinCode", args },
      accessToken,
    );
    return reply.output;
  }

  /** Every page, at this point of the turn: no internal keys on screen; a screenshot to look at. */
  async function everyoneLooks(step: string): Promise<void> {
    // Exercise control's timeline tells the whole story in sentences; the teams' notifications tell theirs.
    const control = people.control.page;
    const openTab = await control.getByRole("tab", { selected: true }).innerText();
    await tab(control, "Timeline");
    await text(control.getByTestId("timeline"), /\w/);
    expect(await internalKeysOnScreen(control), `control's timeline (${step}) shows internal keys`).toEqual([]);
    // The newest part of the timeline, at screen size: a full-page shot of a long timeline is too small to read.
    await control.screenshot({ path: join(artifactsDir, "screenshots", `walk-${step}-control-timeline.png`) });
    await tab(control, openTab);
    for (const who of ["letavia", "arvenia", "dravenia"] as const) {
      const toggle = people[who].page.getByTestId("notifications-toggle");
      if ((await toggle.getAttribute("aria-expanded")) !== "true") {
        await toggle.click();
      }
    }

    for (const [who, p] of Object.entries(people) as [Person, Participant][]) {
      const keys = await internalKeysOnScreen(p.page);
      expect(keys, `${who} (${step}) sees internal keys`).toEqual([]);
      await screenshot(p.page, `walk-${step}-${who}`);
    }
  }

  /** What a team sees of its exercise's time: the simulated clock of the scenario (2032), never the room's date. */
  async function timesAreTheExercises(who: Person): Promise<void> {
    const page = people[who].page;
    await text(page.getByTestId("clock"), "2032");
    const outsideClock = await page.evaluate(() => {
      const clock = document.querySelector('[data-testid="clock"]');
      return document.body.innerText.replace(clock instanceof HTMLElement ? clock.innerText : "", "");
    });
    expect(outsideClock, `${who} sees a date of the room (${realYear}) instead of the exercise's`).not.toContain(realYear);
  }

  async function giveOrders(turn: number): Promise<void> {
    // Letavia: a firm statement toward Dravenia.
    const letavia = people.letavia.page;
    await letavia.getByLabel("Action", { exact: true }).selectOption("publicStatement");
    await letavia.getByLabel("Tone").selectOption("firm");
    await letavia.getByLabel("Addressed to (optional)").selectOption("DRV");
    await letavia.getByLabel("Statement", { exact: true }).fill(`Letavia will not yield Narvel (turn ${turn}).`);
    await letavia.getByRole("button", { name: /Submit order/ }).click();
    await text(letavia.getByTestId("submitted-orders"), "Firm public statement toward Dravenian Federation");
    await text(letavia.getByTestId("orders-ap"), "3 of 4");

    // Arvenia: shares intelligence with its ally — a private order.
    const arvenia = people.arvenia.page;
    await arvenia.getByLabel("Action", { exact: true }).selectOption("shareIntelligence");
    await arvenia.getByLabel("Recipient").selectOption("LET");
    await arvenia.getByRole("button", { name: /Submit order/ }).click();
    await text(arvenia.getByTestId("submitted-orders"), "Share intelligence with Republic of Letavia");
    await text(arvenia.getByTestId("orders-ap"), /\d of 4 action points left/);

    // Dravenia: a conciliatory statement toward Letavia.
    const dravenia = people.dravenia.page;
    await dravenia.getByLabel("Action", { exact: true }).selectOption("publicStatement");
    await dravenia.getByLabel("Tone").selectOption("conciliatory");
    await dravenia.getByLabel("Addressed to (optional)").selectOption("LET");
    await dravenia.getByLabel("Statement", { exact: true }).fill(`The drill is routine (turn ${turn}).`);
    await dravenia.getByRole("button", { name: /Submit order/ }).click();
    await text(dravenia.getByTestId("submitted-orders"), "Conciliatory public statement toward Republic of Letavia");

    // Nobody reads another team's orders while they are open; control sees them all, live.
    const orders = (who: Person) => people[who].page.getByTestId("submitted-orders").innerText();
    expect(await orders("letavia")).not.toMatch(/Share intelligence|routine/);
    expect(await orders("arvenia")).not.toMatch(/Narvel|routine/);
    expect(await orders("dravenia")).not.toMatch(/Share intelligence|Narvel/);
    for (const who of ["arvenia", "dravenia", "observer"] as const) {
      expect(await people[who].page.locator("body").innerText(), `${who} must not read Letavia's statement before results`).not.toContain(`Letavia will not yield Narvel (turn ${turn})`);
    }

    for (const who of ["letavia", "arvenia", "observer"] as const) {
      expect(await people[who].page.locator("body").innerText(), `${who} must not read Dravenia's statement before results`).not.toContain(`The drill is routine (turn ${turn})`);
    }

    expect(await people.observer.page.locator("body").innerText()).not.toContain("Share intelligence");
    await tab(people.control.page, "Nations");
    for (const code of ["LET", "ARV", "DRV"]) {
      await text(people.control.page.locator(`[data-testid="nations-table"] tr[data-nation="${code}"]`), /\d \/ 4/);
    }
  }

  /** What the alliance did this turn must stay inside it: Dravenia (not a member) and the observer see none of it. */
  async function outsidersDoNotSee(secret: string): Promise<void> {
    for (const who of ["dravenia", "observer"] as const) {
      const page = people[who].page;
      expect(await page.locator("body").innerText(), `${who} must not read the alliance's business`).not.toContain(secret);
      expect(await page.locator("[data-consultation], [data-draft]").count(), `${who} must not see consultations or drafts`).toBe(0);
    }

    expect(await people.dravenia.page.locator('[data-alliance="NSA"]').count(), "Dravenia is not in the Northern Shield Alliance").toBe(0);
  }

  async function advanceToResults(turn: number): Promise<void> {
    const control = people.control.page;
    await expect.poll(() => control.getByTestId("advance").innerText()).toBe("Close orders and adjudicate");
    await control.getByTestId("advance").click();
    // Northern Shield holds the turn's outcomes for exercise control's review (docs/adjudication.md): the teams wait
    // in the adjudication phase while control approves each outcome and releases the results.
    const queue = control.getByTestId("adjudication-queue");
    await text(queue, `Turn ${turn}:`);
    // The clock cannot move past held results: its button says why instead of offering "Advance".
    await expect.poll(() => control.getByTestId("advance").innerText()).toBe("Results held for review");
    expect(await control.getByTestId("advance").isDisabled()).toBe(true);
    for (const who of ["letavia", "arvenia", "dravenia", "observer"] as const) {
      await phase(people[who].page, "Adjudication");
    }

    while ((await queue.getByRole("button", { name: "Approve" }).count()) > 0) {
      const before = await queue.getByTestId("verdict").count();
      await queue.getByRole("button", { name: "Approve" }).first().click();
      await expect.poll(() => queue.getByTestId("verdict").count()).toBe(before + 1);
    }

    await queue.getByTestId("release-results").click();
    for (const who of Object.keys(people) as Person[]) {
      await phase(people[who].page, "Results");
      await text(people[who].page.getByTestId("turn"), `${turn} of 12`);
    }

    // Each team reads its own outcome report; nobody reads another's private order.
    for (const who of ["letavia", "arvenia", "dravenia"] as const) {
      await text(people[who].page.getByTestId("messages"), `Outcome report (turn ${turn})`);
    }

    await text(people.letavia.page.getByTestId("news"), "Republic of Letavia issues a firm statement toward Dravenian Federation");
    await text(people.observer.page.locator("main"), "Republic of Letavia issues a firm statement toward Dravenian Federation");
    for (const who of ["dravenia", "observer"] as const) {
      expect(await people[who].page.locator("body").innerText(), `${who} must not learn of Arvenia's intelligence sharing`).not.toMatch(/Share intelligence with Republic of Letavia|intelligence (shared )?with Republic of Letavia|Arvenia shared intelligence/i);
    }

    await tab(control, "Outcomes");
    await expect.poll(() => control.locator("[data-testid=outcomes] tbody tr").count()).toBeGreaterThanOrEqual(3);
  }

  async function startTurn(turn: number): Promise<void> {
    const control = people.control.page;
    if (turn > 1) {
      await expect.poll(() => control.getByTestId("advance").innerText()).toBe(`Start turn ${turn}`);
      await control.getByTestId("advance").click();
      await phase(control, "Planning");
    }

    await expect.poll(() => control.getByTestId("advance").innerText()).toBe("Open orders");
    await control.getByTestId("advance").click();
    for (const who of Object.keys(people) as Person[]) {
      await phase(people[who].page, "Orders");
      await text(people[who].page.getByTestId("turn"), `${turn} of 12`);
    }

    for (const who of ["letavia", "arvenia", "dravenia"] as const) {
      await text(people[who].page.getByTestId("orders-ap"), "4 of 4");
    }
  }

  async function publishNews(headline: string): Promise<void> {
    const control = people.control.page;
    await tab(control, "News");
    await control.getByLabel("Headline").fill(headline);
    await control.getByLabel("Body").fill("Exercise control: reported by the Varn Sea wire service.");
    await control.getByRole("button", { name: "Publish to everyone" }).click();
    for (const who of ["letavia", "arvenia", "dravenia"] as const) {
      await text(people[who].page.getByTestId("news"), headline);
    }

    await text(people.observer.page.locator("main"), headline);
  }

  beforeAll(async () => {
    await Promise.all([gateway.start(), launchBrowser().then((b) => (browser = b))]);
    const created = await gateway.post<{ exerciseId: string; facilitatorCode: string }>("/api/exercises", { scenarioId: "northern-shield", name: "Walk" });
    ({ exerciseId, facilitatorCode } = created);
    for (const who of ["control", "letavia", "arvenia", "dravenia", "observer"] as const) {
      people[who] = await newParticipant(browser);
    }

    const codes = {
      control: facilitatorCode,
      letavia: await issue({ role: "team", nation: "LET" }),
      arvenia: await issue({ role: "team", nation: "ARV" }),
      dravenia: await issue({ role: "team", nation: "DRV" }),
      observer: await issue({ role: "observer" }),
    };
    for (const who of Object.keys(people) as Person[]) {
      await people[who].page.goto(`${gateway.url}/?code=${codes[who]}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.dispose();
  });

  it("everyone joins and sees who they are, on the exercise's clock", async () => {
    await text(people.control.page.getByTestId("role"), "Exercise control");
    await text(people.letavia.page.getByTestId("role"), "Team · Republic of Letavia");
    await text(people.arvenia.page.getByTestId("role"), "Team · Republic of Arvenia");
    await text(people.dravenia.page.getByTestId("role"), "Team · Dravenian Federation");
    await text(people.observer.page.getByTestId("role"), "Observer");
    await people.control.page.getByRole("button", { name: "Start exercise" }).click();
    for (const who of Object.keys(people) as Person[]) {
      await text(people[who].page.getByTestId("exercise-status"), "Running");
      await phase(people[who].page, "Planning");
    }

    // The allies see the alliance's inside; Dravenia sees its own alliances only.
    await text(people.letavia.page.locator('[data-alliance="NSA"]'), "Cohesion");
    await text(people.arvenia.page.locator('[data-alliance="NSA"]'), "Cohesion");
    await text(people.dravenia.page.getByTestId("alliances"), "Varn Sea Council");
    expect(await people.dravenia.page.locator('[data-alliance="NSA"]').count()).toBe(0);
    await everyoneLooks("t0-joined");
  });

  it("turn 1: orders, a consultation request in the alliance, news, results", async () => {
    await startTurn(1);
    // The MSEL's turn-1 inject reaches everyone as news.
    await text(people.dravenia.page.getByTestId("news"), "Dravenia masses troops near Letavian border");
    await giveOrders(1);

    const threat = "Thirty thousand Dravenian troops at the Narvel border (walk)";
    const alliance = people.letavia.page.locator('[data-alliance="NSA"]');
    await alliance.getByRole("button", { name: "Request consultations" }).click();
    await alliance.getByLabel("The threat (what another nation did, or an inject)").fill(threat);
    await alliance.getByRole("button", { name: "Send the request to all members" }).click();
    await text(alliance.locator("[data-consultation]"), "Republic of Letavia requested consultations");
    await text(people.arvenia.page.locator('[data-alliance="NSA"] [data-consultation]'), threat);
    await tab(people.control.page, "Alliances");
    await text(people.control.page.locator('[data-alliance="NSA"] [data-consultation]'), threat);
    await outsidersDoNotSee(threat);

    await publishNews("Varn Sea shipping insurers raise premiums");
    await everyoneLooks("t1-orders");
    for (const who of ["letavia", "arvenia", "dravenia", "observer"] as const) {
      await timesAreTheExercises(who);
    }

    await advanceToResults(1);
    await outsidersDoNotSee(threat);
    await everyoneLooks("t1-results");
  });

  it("turn 2: orders, a draft joint deployment, an ad hoc inject, results", async () => {
    await startTurn(2);
    await giveOrders(2);

    const alliance = people.arvenia.page.locator('[data-alliance="NSA"]');
    await alliance.getByRole("button", { name: "Table a draft decision" }).click();
    const form = alliance.getByRole("form", { name: "Table a draft decision" });
    await form.getByLabel("Decision").selectOption("jointDeployment");
    await form.getByLabel("Deploy to").selectOption("LET");
    await form.getByRole("button", { name: "Table draft" }).click();
    await text(alliance.locator("[data-draft]"), "Tabled by Republic of Arvenia");
    const draft = people.letavia.page.locator('[data-alliance="NSA"] [data-draft]');
    await text(draft, "Tabled by Republic of Arvenia");
    await text(draft.getByTestId("your-vote"), "Your vote: not cast");
    const deployment = await draft.locator("strong").first().innerText();
    await outsidersDoNotSee(deployment);

    const control = people.control.page;
    await tab(control, "MSEL");
    const inject = control.getByRole("form", { name: "Ad hoc inject" });
    await inject.getByLabel("Title (required)").fill("Ferry strike in the Varn Sea");
    await inject.getByLabel("Public news headline (optional)").fill("Ferry crews strike across the Varn Sea");
    await inject.getByRole("button", { name: "Release the inject now" }).click();
    await text(inject.getByRole("status"), "Released: Ferry strike in the Varn Sea");
    for (const who of ["letavia", "arvenia", "dravenia"] as const) {
      await text(people[who].page.getByTestId("news"), "Ferry crews strike across the Varn Sea");
    }

    await everyoneLooks("t2-orders");
    await advanceToResults(2);
    await outsidersDoNotSee(deployment);
    await everyoneLooks("t2-results");
  });

  it("turn 3: orders, votes on the draft, news, results", async () => {
    await startTurn(3);
    await giveOrders(3);

    const letaviaDraft = people.letavia.page.locator('[data-alliance="NSA"] [data-draft]').first();
    await letaviaDraft.getByRole("button", { name: "Vote yes" }).click();
    await text(letaviaDraft.getByTestId("your-vote"), "Your vote: yes");
    const arveniaDraft = people.arvenia.page.locator('[data-alliance="NSA"] [data-draft]').first();
    await arveniaDraft.getByRole("button", { name: "Vote yes" }).click();
    await text(arveniaDraft.getByTestId("your-vote"), "Your vote: yes");
    await expect.poll(() => arveniaDraft.getByTestId("not-voted").innerText()).not.toContain("Republic of Letavia");
    await text(letaviaDraft.getByTestId("vote-tally"), "Yes 5 of 16 votes");
    const deployment = await letaviaDraft.locator("strong").first().innerText();
    await outsidersDoNotSee(deployment);
    expect(await people.dravenia.page.locator("body").innerText()).not.toContain("Your vote");

    await publishNews("Varn Sea Council calls for restraint");
    await everyoneLooks("t3-orders");
    await advanceToResults(3);
    for (const who of ["letavia", "arvenia", "dravenia", "observer"] as const) {
      await timesAreTheExercises(who);
    }

    await everyoneLooks("t3-results");
  });

  it("no page errors or console errors on any page", () => {
    const errors = Object.entries(people).flatMap(([who, p]) => p.errors.map((e) => `${who}: ${e}`));
    expect(errors).toEqual([]);
  });
});
