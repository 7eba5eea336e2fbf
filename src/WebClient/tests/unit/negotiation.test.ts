import { describe, expect, it } from "vitest";
import type { NegotiationView } from "../../src/api/negotiationTypes";
import { describeNegotiationEvent } from "../../src/state/negotiationEvents";
import { needsSnapshot } from "../../src/state/project";
import { channelKey, clauseGaps, describeClause, newClause, partiesOf, textGaps, writableChannels } from "../../src/state/negotiation";

function talks(mediator: string | null): NegotiationView {
  return {
    id: "t",
    title: "Talks",
    parties: [
      { code: "ARD", kind: "nation", nations: ["ARD"] },
      { code: "BOR", kind: "nation", nations: ["BOR"] },
      { code: "NCP", kind: "alliance", nations: ["CAL", "DUN"] },
    ],
    mediator,
    secret: false,
    phase: "bargaining",
    agreement: null,
    table: null,
  };
}

const keys = (view: NegotiationView, nation: string | null) => writableChannels(view, nation).map(channelKey);

describe("the channels a nation may write in", () => {
  it("the mediator writes in plenary and a caucus with each party, never in a backchannel", () => {
    expect(keys(talks("VES"), "VES")).toEqual(["plenary", "caucus:ARD", "caucus:BOR", "caucus:NCP"]);
  });

  it("a party's nation writes in plenary, its own caucus and a backchannel with every other party", () => {
    expect(keys(talks("VES"), "BOR")).toEqual(["plenary", "caucus:BOR", "backchannel:ARD:BOR", "backchannel:BOR:NCP"]);
  });

  it("an alliance's member acts for the alliance", () => {
    expect(partiesOf(talks("VES"), "DUN")).toEqual(["NCP"]);
    expect(keys(talks("VES"), "DUN")).toContain("caucus:NCP");
  });

  it("without a mediator there is no caucus", () => {
    expect(keys(talks(null), "ARD")).toEqual(["plenary", "backchannel:ARD:BOR", "backchannel:ARD:NCP"]);
  });

  it("a nation that is neither a party nor the mediator, and nobody at all, writes nowhere", () => {
    expect(keys(talks("VES"), "TAL")).toEqual([]);
    expect(keys(talks("VES"), null)).toEqual([]);
  });

  it("a backchannel is one channel whichever order its parties are named in", () => {
    expect(channelKey({ kind: "backchannel", party: "BOR", other: "ARD" })).toBe(channelKey({ kind: "backchannel", party: "ARD", other: "BOR" }));
  });
});

describe("the clause editor's required fields", () => {
  it("a ceasefire needs two nations; a corridor its nation; a measure its nations", () => {
    expect(clauseGaps({ kind: "ceasefire", id: "c", nations: ["ARD"] })).toEqual(["choose at least two nations for the ceasefire"]);
    expect(clauseGaps({ kind: "ceasefire", id: "c", nations: ["ARD", "BOR"] })).toEqual([]);
    expect(clauseGaps({ kind: "humanitarianCorridor", id: "h", nation: "" })).toEqual(["choose the nation the corridor runs through"]);
    expect(clauseGaps({ kind: "confidenceBuilding", id: "m", measure: "hotline", nations: [] })).toEqual(["choose the nations that undertake the measure"]);
  });

  it("a text needs a clause, complete clauses, and a duration of 1 to 50 turns if any", () => {
    expect(textGaps([], "")).toEqual(["add at least one clause"]);
    expect(textGaps([{ kind: "humanitarianCorridor", id: "h", nation: "ARD" }], "")).toEqual([]);
    expect(textGaps([{ kind: "humanitarianCorridor", id: "h", nation: "ARD" }], "51")).toHaveLength(1);
    expect(textGaps([{ kind: "humanitarianCorridor", id: "h", nation: "" }], "3")).toEqual(["clause 1: choose the nation the corridor runs through"]);
  });

  it("a new clause gets an id not yet in the text, so amendments compare clauses by id", () => {
    const first = newClause("ceasefire", []);
    const second = newClause("ceasefire", [first]);
    expect([first.id, second.id]).toEqual(["ceasefire", "ceasefire-2"]);
  });

  it("clauses read in words with the nations' names", () => {
    const name = (code: string) => ({ ARD: "Ardenia", BOR: "Borovia" })[code] ?? code;
    expect(describeClause({ kind: "confidenceBuilding", id: "m", measure: "advanceNoticeOfExercises", nations: ["ARD", "BOR"] }, name)).toBe(
      "Advance notice of exercises: Ardenia, Borovia",
    );
    expect(describeClause({ kind: "sanctionsRelief", id: "s", nation: "ARD", on: "BOR", withinTurns: 1 }, name)).toBe("Ardenia lifts its sanctions on Borovia within 1 turn");
  });
});

describe("negotiation state comes from snapshots", () => {
  it("a negotiation event asks for a fresh snapshot (the session grain computes the view, the client does not fold it)", () => {
    const recorded = {
      exerciseId: "x",
      sequence: 5,
      stream: "negotiation/harbour",
      streamVersion: 0,
      recordedAt: "2031-03-01T06:00:00Z",
      commandId: null,
      audience: { kind: "public" as const, nations: [] },
      event: { $type: "negotiation.phase-changed" },
    };
    expect(needsSnapshot([recorded], { role: "team", nation: "ARD", fullView: false })).toBe(true);
    expect(needsSnapshot([{ ...recorded, stream: "exercise", event: { $type: "exercise.started" } }], { role: "team", nation: "ARD", fullView: false })).toBe(false);
  });
});

describe("negotiation events in the timeline", () => {
  const name = (code: string) => ({ ARD: "Ardenia", BOR: "Borovia", DUN: "Dunmark" })[code] ?? code;

  it("read in words, naming the nations, never quoting a message", () => {
    const posted = { $type: "negotiation.message-posted", messageId: "m-1", channel: { kind: "backchannel", party: "ARD", other: "BOR" }, by: "ARD", text: "secret words" };
    expect(describeNegotiationEvent(posted, "Talks", name)).toBe("Talks: Ardenia wrote in Backchannel: Ardenia – Borovia");
    expect(describeNegotiationEvent({ $type: "negotiation.phase-changed", phase: "inForce", reason: "every party signed version 2" }, "Talks", name)).toBe(
      "Talks: now In force — every party signed version 2",
    );
    expect(describeNegotiationEvent({ $type: "alliance.vote-cast" }, "Talks", name)).toBeNull();
  });
});
