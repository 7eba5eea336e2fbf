import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newParticipant, screenshot, type Participant } from "./support/browser";
import { text } from "./support/page";
import { GatewayProcess, artifactsDir } from "./support/gateway";

/**
 * The negotiation room of issue 11, in small-test: Ardenia and Borovia (teams) negotiate with Dunmark as mediator
 * (a team here, so its screen is checked too); Calderra is a team that takes no part, and an observer watches.
 * Ardenia convenes "Harbour talks" in the orders phase (paying 1 action point) → both accept and state their
 * positions → plenary, a caucus and a backchannel → the mediator tables a text → Borovia amends it → both sign the
 * same version → in force → Borovia's cyber operation against Ardenia is a breach at adjudication. Outsiders see
 * that the talks exist and the agreement in force, never what was said. The steps build on each other and run in
 * order.
 */

const TALKS = "Harbour talks";
const PLENARY = "Ardenia seeks a ceasefire at the river.";
const CAUCUS = "Would Borovia accept observers on its side of the river?";
const BACKCHANNEL = "Quietly: we can ease sanctions if you pull back.";

/** The Harbour talks' room on a page (other sessions, such as the scenario's border talks, are left aside). */
function room(page: Page, title = TALKS): Locator {
  return page.locator("[data-negotiation]").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

/** A screenshot of one room alone, to look at its layout closely. */
async function roomShot(page: Page, name: string, title = TALKS): Promise<void> {
  await room(page, title).screenshot({ path: join(artifactsDir, "screenshots", `${name}.png`) });
}

async function phaseOf(page: Page, expected: string): Promise<void> {
  await text(room(page).getByTestId("negotiation-phase"), new RegExp(`^${expected}$`));
}

async function thread(page: Page, title: string | RegExp): Promise<Locator> {
  await room(page).getByRole("tab", { name: title }).click();
  return room(page).getByTestId("thread");
}

async function post(page: Page, channel: string | RegExp, message: string): Promise<void> {
  const panel = await thread(page, channel);
  const form = panel.getByRole("form");
  await expect.poll(() => form.getByRole("button", { name: /^Send to/ }).isDisabled()).toBe(true); // empty message
  await form.getByLabel("Message (required)").fill(message);
  await form.getByRole("button", { name: /^Send to/ }).click();
  await text(panel.getByTestId("negotiation-message").last(), message);
}

describe("Negotiation room: two parties and a mediator reach an agreement; outsiders see none of the talks", () => {
  const gateway = new GatewayProcess();
  let browser: Browser;
  let ardenia: Participant;
  let borovia: Participant;
  let dunmark: Participant;
  let calderra: Participant;
  let observer: Participant;
  let control: Participant;
  let facilitatorCode = "";
  let exerciseId = "";
  let controlToken = "";
  const codes: Record<string, string> = {};

  async function command(token: string, type: string, args: Record<string, unknown>): Promise<{ accepted: boolean; output: string }> {
    return await gateway.post(`/api/exercises/${exerciseId}/commands`, { commandId: `e2e-${Math.random()}`, type, args }, token);
  }

  async function token(code: string): Promise<string> {
    return (await gateway.post<{ accessToken: string }>("/api/join", { code })).accessToken;
  }

  beforeAll(async () => {
    await Promise.all([gateway.start(), launchBrowser().then((b) => (browser = b))]);
    const created = await gateway.post<{ exerciseId: string; facilitatorCode: string }>("/api/exercises", { scenarioId: "small-test", name: "Negotiation room" });
    ({ exerciseId, facilitatorCode } = created);
    controlToken = await token(facilitatorCode);
    for (const nation of ["ARD", "BOR", "DUN", "CAL"]) {
      codes[nation] = (await command(controlToken, "access.issueJoinCode", { role: "team", nation })).output;
    }

    codes.observer = (await command(controlToken, "access.issueJoinCode", { role: "observer" })).output;
    await command(controlToken, "exercise.start", {});
    await command(controlToken, "exercise.advance", {}); // planning → orders: a team pays action points to convene talks
    [ardenia, borovia, dunmark, calderra, observer, control] = await Promise.all([
      newParticipant(browser),
      newParticipant(browser),
      newParticipant(browser),
      newParticipant(browser),
      newParticipant(browser),
      newParticipant(browser),
    ]);
    await ardenia.page.goto(`${gateway.url}/?code=${codes.ARD}`);
    await borovia.page.goto(`${gateway.url}/?code=${codes.BOR}`);
    await dunmark.page.goto(`${gateway.url}/?code=${codes.DUN}`);
    await calderra.page.goto(`${gateway.url}/?code=${codes.CAL}`);
    await observer.page.goto(`${gateway.url}/?code=${codes.observer}`);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.dispose();
  });

  it("a team that is not a party cannot convene talks between others: the refusal is in the domain's words", async () => {
    const page = calderra.page;
    await text(page.getByTestId("role"), "Team · Kingdom of Calderra");
    const panel = page.getByTestId("negotiations");
    await panel.getByRole("button", { name: "Convene talks" }).click();
    const form = panel.getByRole("form", { name: "Convene talks" });
    await form.getByLabel("Title (required)").fill("Talks about others");
    await form.getByRole("checkbox", { name: "Kingdom of Calderra" }).uncheck();
    await form.getByRole("checkbox", { name: "Republic of Ardenia" }).check();
    await expect.poll(() => form.getByRole("button", { name: "Convene the talks" }).isDisabled()).toBe(true); // one party only
    await form.getByRole("checkbox", { name: "Borovian Federation" }).check();
    await form.getByRole("button", { name: "Convene the talks" }).click();
    await text(form.getByTestId("problem"), "CAL may convene talks only as a party or as their mediator.");
    expect(await form.getByTestId("problem").getAttribute("data-code")).toBe("not-a-party");
  });

  it("Ardenia convenes talks with Borovia, Dunmark mediating; both parties accept", async () => {
    const page = ardenia.page;
    const panel = page.getByTestId("negotiations");
    await panel.getByRole("button", { name: "Convene talks" }).click();
    const form = panel.getByRole("form", { name: "Convene talks" });
    await expect.poll(() => form.getByRole("button", { name: "Convene the talks" }).isDisabled()).toBe(true); // no title, one party
    // The form says what convening costs; the nations open their orders once the exercise's delivery reaches them.
    await text(form.getByTestId("convening-cost"), "Costs 1 action point; 4 left this turn.");
    await form.getByLabel("Title (required)").fill(TALKS);
    await form.getByRole("checkbox", { name: "Borovian Federation" }).check();
    await form.getByLabel("Mediator (optional)").selectOption("DUN");
    await form.getByRole("button", { name: "Convene the talks" }).click();
    await text(page.getByTestId("action-points"), "3 of 4 this turn"); // Ardenia paid; the other parties did not
    await text(borovia.page.getByTestId("action-points"), "4 of 4 this turn");

    for (const p of [ardenia, borovia, dunmark, calderra, observer]) {
      await phaseOf(p.page, "Convened");
    }

    await text(room(calderra.page).getByTestId("negotiation-parties"), "Parties: Republic of Ardenia, Borovian Federation. Mediator: Duchy of Dunmark.");
    expect(await room(dunmark.page).getByRole("button", { name: "Accept the invitation" }).count()).toBe(0); // the mediator is not invited to accept

    await room(borovia.page).getByRole("button", { name: "Accept the invitation" }).click();
    await text(room(ardenia.page).getByTestId("invitation"), "Borovian Federation: accepted");
    await room(ardenia.page).getByRole("button", { name: "Accept the invitation" }).click();
    await phaseOf(dunmark.page, "Opening statements");
  });

  it("each party states its position; the talks move to bargaining", async () => {
    for (const [p, statement] of [
      [ardenia, "Borovian forces must leave the river crossing."],
      [borovia, "Our border guards were fired upon first."],
    ] as const) {
      const form = room(p.page).getByRole("form", { name: "Opening statement" });
      await expect.poll(() => form.getByRole("button", { name: "Make the opening statement" }).isDisabled()).toBe(true);
      await form.getByLabel("Your opening statement (required)").fill(statement);
      await form.getByRole("button", { name: "Make the opening statement" }).click();
      await text(room(dunmark.page).getByTestId("opening-statements"), statement);
    }

    await phaseOf(ardenia.page, "Bargaining");
  });

  it("plenary, caucus and backchannel reach exactly who may read them", async () => {
    await post(ardenia.page, "Plenary", PLENARY);
    await post(dunmark.page, /^Caucus: Duchy of Dunmark with Borovian Federation/, CAUCUS);
    await post(ardenia.page, /^Backchannel: /, BACKCHANNEL);

    // Borovia reads all three; the mediator reads plenary and its caucus, and has no backchannel at all.
    await text(await thread(borovia.page, /^Backchannel: /), BACKCHANNEL);
    await text(await thread(borovia.page, /^Caucus: .* with Borovian Federation/), CAUCUS);
    await text(await thread(dunmark.page, "Plenary"), PLENARY);
    expect(await room(dunmark.page).getByRole("tab", { name: /^Backchannel/ }).count()).toBe(0);
    expect(await dunmark.page.locator("main").innerText()).not.toContain(BACKCHANNEL);

    // Ardenia's own caucus with the mediator is empty: Borovia's caucus is not shown to it.
    await text(await thread(ardenia.page, /^Caucus: .* with Republic of Ardenia/), "No messages in this channel yet.");
    expect(await room(ardenia.page).getByRole("tab", { name: /with Borovian Federation/ }).count()).toBe(0);
    expect(await ardenia.page.locator("main").innerText()).not.toContain(CAUCUS);
    await screenshot(borovia.page, "negotiation-01-borovia-backchannel");
  });

  it("the mediator tables a text with typed clauses; the form waits for every clause's required fields", async () => {
    const page = dunmark.page;
    await room(page).getByRole("button", { name: "Table a text…" }).click();
    const form = room(page).getByRole("form", { name: "Table the first text" });
    const rows = form.getByTestId("clause-row");
    await expect.poll(() => form.getByRole("button", { name: "Table the text" }).isDisabled()).toBe(true);
    await text(form.getByTestId("text-gaps"), "clause 1: choose at least two nations for the ceasefire");
    await rows.nth(0).getByRole("checkbox", { name: "Republic of Ardenia" }).check();
    await rows.nth(0).getByRole("checkbox", { name: "Borovian Federation" }).check();

    await form.getByRole("button", { name: "+ Humanitarian corridor" }).click();
    await rows.nth(1).getByLabel("Through").selectOption("ARD");
    await form.getByRole("button", { name: "+ Confidence-building measure" }).click();
    await rows.nth(2).getByLabel("Measure").selectOption("hotline");
    await rows.nth(2).getByRole("checkbox", { name: "Republic of Ardenia" }).check();
    await rows.nth(2).getByRole("checkbox", { name: "Borovian Federation" }).check();
    await form.getByRole("button", { name: "Table the text" }).click();

    for (const p of [ardenia, borovia, dunmark]) {
      await phaseOf(p.page, "Drafting");
      const current = room(p.page).getByTestId("text-version");
      await text(current, "version 1, tabled by Duchy of Dunmark");
      await text(current, "Ceasefire between Republic of Ardenia, Borovian Federation");
      await text(current, "Humanitarian corridor through Republic of Ardenia");
      await text(current, "Hotline: Republic of Ardenia, Borovian Federation");
    }
  });

  it("Borovia amends the text; the clause history shows who changed which clause; Ardenia's late amendment is refused naming the current version", async () => {
    // Ardenia starts amending version 1 too.
    await room(ardenia.page).getByRole("button", { name: "Amend or counter-propose…" }).click();
    const late = room(ardenia.page).getByRole("form", { name: "Amend version 1" });
    await late.getByRole("button", { name: "+ Humanitarian corridor" }).click();
    await late.getByTestId("clause-row").nth(3).getByLabel("Through").selectOption("BOR");

    const page = borovia.page;
    await room(page).getByRole("button", { name: "Amend or counter-propose…" }).click();
    const form = room(page).getByRole("form", { name: "Amend version 1" });
    await form.getByTestId("clause-row").nth(2).getByLabel("Measure").selectOption("advanceNoticeOfExercises");
    await form.getByLabel("Note (optional)").fill("Notice of exercises instead of a hotline");
    await form.getByRole("button", { name: "Table version 2" }).click();

    const history = room(ardenia.page).getByTestId("clause-history");
    await text(history, "Version 2 by Borovian Federation — “Notice of exercises instead of a hotline”");
    await text(history, "Changed: Hotline: Republic of Ardenia, Borovian Federation → Advance notice of exercises: Republic of Ardenia, Borovian Federation");
    await text(room(ardenia.page).getByTestId("text-version"), "version 2, tabled by Borovian Federation");

    // Ardenia's draft survived the new version; tabling it is refused in the rules' words, naming version 2.
    await text(late.getByTestId("text-overtaken"), "Version 2 was tabled by someone else while you were drafting.");
    await late.getByRole("button", { name: "Table version 2" }).click();
    await text(late.getByTestId("problem"), "Version 1 has been superseded; the current text is version 2.");
    expect(await late.getByTestId("problem").getAttribute("data-code")).toBe("superseded-version");
    await text(late.getByTestId("problem-allowed"), "version 2");
    await screenshot(ardenia.page, "negotiation-02a-superseded-refusal");
    await roomShot(ardenia.page, "negotiation-02b-room-amendment-form");
    await late.getByRole("button", { name: "Cancel" }).click();
  });

  it("both parties sign the same version and the agreement enters into force", async () => {
    await room(ardenia.page).getByRole("button", { name: "Sign version 2" }).click();
    await text(room(borovia.page).locator('[data-testid="signatures"] [data-party="ARD"]'), "signed version 2");
    await phaseOf(dunmark.page, "Signature");
    expect(await room(dunmark.page).getByRole("button", { name: /^Sign/ }).count()).toBe(0); // the mediator never signs

    await room(borovia.page).getByRole("button", { name: "Sign version 2" }).click();
    for (const p of [ardenia, borovia, dunmark, calderra, observer]) {
      await phaseOf(p.page, "In force");
    }

    await text(room(ardenia.page).getByTestId("text-version"), "Agreement in force — version 2");
    await screenshot(ardenia.page, "negotiation-02-ardenia-in-force");
    await roomShot(ardenia.page, "negotiation-02c-room-in-force");
  });

  it("a team that is no party and an observer see that the talks exist and the agreement, never what was said", async () => {
    for (const p of [calderra, observer]) {
      const main = await p.page.locator("main").innerText();
      for (const secret of [PLENARY, CAUCUS, BACKCHANNEL, "Borovian forces must leave the river crossing."]) {
        expect(main).not.toContain(secret);
      }

      const talks = room(p.page);
      await text(talks.getByTestId("text-version"), "Ceasefire between Republic of Ardenia, Borovian Federation"); // public once in force
      expect(await talks.getByRole("tab").count()).toBe(0); // no channels at all
      expect(await talks.getByRole("button").count()).toBe(0); // no action controls in the room
    }

    expect(await observer.page.getByTestId("negotiations").getByRole("button").count()).toBe(0); // not even "Convene talks"
    expect(await observer.page.getByTestId("negotiations").getByRole("textbox").count()).toBe(0);
    await screenshot(observer.page, "negotiation-03-observer");
  });

  it("Borovia's cyber operation against Ardenia breaches the ceasefire and the room shows the breach", async () => {
    const bor = await token(codes.BOR!);
    // Still the orders phase of turn 1 (opened before Ardenia convened): ask until Borovia's order is taken.
    const order = { orderId: "hack", action: { kind: "cyberOperation", nation: "ARD" } };
    await expect.poll(async () => await command(bor, "nation.submitOrder", order).then((r) => r.accepted, () => false), { timeout: 15_000 }).toBe(true);
    await command(controlToken, "exercise.advance", {}); // orders → adjudication → results

    for (const p of [ardenia, borovia, dunmark]) {
      await phaseOf(p.page, "Breached");
      await text(room(p.page).getByTestId("breach"), "Borovian Federation breached “Ceasefire between Republic of Ardenia, Borovian Federation”");
    }

    expect(await calderra.page.locator("main").innerText()).not.toContain("breached “");
    await screenshot(dunmark.page, "negotiation-04-mediator-breach");
  });

  it("exercise control reads every channel and may rule the breach unfounded, with a reason; the agreement is back in force", async () => {
    const page = control.page;
    await page.goto(`${gateway.url}/?code=${facilitatorCode}`);
    await text(page.getByTestId("role"), "Exercise control");
    await page.getByRole("tab", { name: "Negotiations" }).click();
    await phaseOf(page, "Breached");
    await text(await thread(page, /^Backchannel: /), BACKCHANNEL);
    await text(await thread(page, /^Caucus: .* with Borovian Federation/), CAUCUS);
    // Control acts as the mediator by default (no team is assigned to Dunmark in the scenario); parties' teams are marked.
    const actsAs = room(page).getByLabel("Exercise control acts as");
    expect(await actsAs.inputValue()).toBe("DUN");
    expect(await actsAs.locator("option", { hasText: "played by a team" }).allInnerTexts()).toEqual([
      "Republic of Ardenia (played by a team)",
      "Borovian Federation (played by a team)",
    ]);

    const form = room(page).getByRole("form", { name: "Rule the breach unfounded" });
    await expect.poll(() => form.getByRole("button", { name: "Rule unfounded" }).isDisabled()).toBe(true); // a reason is required
    await form.getByLabel("Reason for ruling it unfounded (required)").fill("The intrusion came from a criminal group, not the state.");
    await form.getByRole("button", { name: "Rule unfounded" }).click();
    await text(room(ardenia.page).getByTestId("breach"), "ruled unfounded");
    await text(room(ardenia.page).getByTestId("breach"), "Ruling: The intrusion came from a criminal group, not the state.");
    await phaseOf(borovia.page, "In force");
    await screenshot(page, "negotiation-05-control-full-view");
  });

  it("on a phone the room fits the screen: no sideways scrolling", async () => {
    const phone = await newParticipant(browser, { width: 390, height: 844 });
    await phone.page.goto(`${gateway.url}/?code=${codes.BOR}`);
    await phaseOf(phone.page, "In force");
    await room(phone.page).getByRole("tab", { name: /^Backchannel/ }).click();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await roomShot(phone.page, "negotiation-06-phone-room");
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it("Borovia declines the scenario's border talks, with the reason it must give; they collapse for everyone", async () => {
    const border = room(borovia.page, "Border talks");
    await border.getByRole("button", { name: "Decline…" }).click();
    const form = border.getByRole("form", { name: "Decline the invitation" });
    await expect.poll(() => form.getByRole("button", { name: "Decline the invitation" }).isDisabled()).toBe(true);
    await form.getByLabel("Reason for declining (required)").fill("Not while shots are fired at the border.");
    await form.getByRole("button", { name: "Decline the invitation" }).click();
    for (const p of [ardenia, borovia, dunmark, calderra, observer, control]) {
      await text(room(p.page, "Border talks").getByTestId("negotiation-phase"), /^Collapsed$/);
    }

    await text(room(ardenia.page, "Border talks").getByTestId("invitation"), "Borovian Federation: declined: Not while shots are fired at the border.");
    expect(await room(ardenia.page, "Border talks").getByRole("button").count()).toBe(0); // nothing left to do in collapsed talks
  });

  it("the mediator concludes the agreement with a reason; the parties have no such control", async () => {
    expect(await room(ardenia.page).getByRole("button", { name: "Conclude the agreement…" }).count()).toBe(0);
    const talks = room(dunmark.page);
    await talks.getByRole("button", { name: "Conclude the agreement…" }).click();
    const form = talks.getByRole("form", { name: "Conclude the agreement" });
    await expect.poll(() => form.getByRole("button", { name: "Conclude", exact: true }).isDisabled()).toBe(true);
    await form.getByLabel("Why it is concluded (required, shown to everyone)").fill("Both sides withdrew; the corridor is open.");
    await form.getByRole("button", { name: "Conclude", exact: true }).click();
    for (const p of [ardenia, borovia, dunmark, calderra, observer, control]) {
      await phaseOf(p.page, "Concluded");
    }

    await text(room(borovia.page), "Both sides withdrew; the corridor is open.");
    expect(await room(borovia.page).getByRole("button", { name: /^Send to/ }).count()).toBe(0); // no more messages once concluded
    for (const p of [ardenia, borovia, dunmark, calderra, observer, control]) {
      expect(p.errors).toEqual([]);
    }
  });

  it("exercise control plays both parties of talks between its nations: a peacekeeping text is signed only once it has a mandate", async () => {
    const session = "quay-talks";
    const as = (nation: string, type: string, args: Record<string, unknown>) => command(controlToken, type, { session, as: nation, ...args });
    await command(controlToken, "negotiation.convene", { talks: { id: session, title: "Quay talks", parties: ["CAL", "DUN"] } });
    for (const nation of ["CAL", "DUN"]) {
      await expect.poll(async () => (await as(nation, "negotiation.respond", { party: nation, accept: true }).then((r) => r.accepted, () => false))).toBe(true);
    }

    for (const nation of ["CAL", "DUN"]) {
      await as(nation, "negotiation.openingStatement", { party: nation, text: `${nation} wants the quay reopened.` });
    }

    const page = control.page;
    const quay = room(page, "Quay talks");
    await text(quay.getByTestId("negotiation-phase"), /^Bargaining$/);
    await quay.getByLabel("Exercise control acts as").selectOption("CAL");
    await quay.getByRole("button", { name: "Table a text…" }).click();
    const form = quay.getByRole("form", { name: "Table the first text" });
    await form.getByTestId("clause-row").nth(0).getByLabel("Kind").selectOption("peacekeepingDeployment");
    await form.getByTestId("clause-row").nth(0).getByLabel("Host nation").selectOption("CAL");
    await form.getByRole("button", { name: "Table the text" }).click();
    await text(quay.getByTestId("text-version"), "Peacekeeping deployment to Kingdom of Calderra");

    // Signing without a mandate is refused in the rules' words, naming the clause.
    await quay.getByRole("button", { name: "Sign version 1" }).click();
    const refusal = quay.getByTestId("signatures").getByTestId("problem");
    await text(refusal, "(Peacekeeping deployment to CAL) has no mandate");
    expect(await refusal.getAttribute("data-code")).toBe("no-mandate");

    const mandate = quay.getByRole("form", { name: "Give the peacekeeping deployment a mandate" });
    await mandate.getByLabel("Mandate for peacekeeping in Kingdom of Calderra: reason (required)").fill("UN Security Council resolution 9999.");
    await mandate.getByRole("button", { name: "Give the mandate" }).click();
    await text(quay, "Mandates: Kingdom of Calderra (UN Security Council resolution 9999.)");
    await quay.getByRole("button", { name: "Sign version 1" }).click();
    await text(quay.locator('[data-testid="signatures"] [data-party="CAL"]'), "signed version 1");
    await quay.getByLabel("Exercise control acts as").selectOption("DUN");
    await quay.getByRole("button", { name: "Sign version 1" }).click();
    await text(quay.getByTestId("negotiation-phase"), /^In force$/);
    await roomShot(page, "negotiation-07-control-mandate", "Quay talks");
    for (const p of [ardenia, borovia, dunmark, calderra, observer, control]) {
      expect(p.errors).toEqual([]);
    }
  });
});
