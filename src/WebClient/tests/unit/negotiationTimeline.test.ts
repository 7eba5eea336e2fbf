import { describe, expect, it } from "vitest";
import type { NegotiationRecord } from "../../src/api/review";
import { negotiationTimeline } from "../../src/state/negotiationTimeline";

const at = "2027-03-01T06:00:00Z";

function lakeTalks(): NegotiationRecord {
  return {
    session: "lake",
    title: "Lake Talks",
    parties: ["ARD", "BOR"],
    mediator: "DUN",
    secret: false,
    phases: [
      { phase: "convened", sequence: 10, turn: 0, at, reason: "convened" },
      { phase: "openingStatements", sequence: 12, turn: 0, at, reason: "every party accepted" },
      { phase: "drafting", sequence: 20, turn: 0, at, reason: "version 1 tabled by DUN" },
      { phase: "signature", sequence: 30, turn: 0, at, reason: "ARD signed version 1" },
      { phase: "inForce", sequence: 31, turn: 0, at, reason: "version 1 entered into force" },
      { phase: "breached", sequence: 80, turn: 1, at, reason: "BOR breached ceasefire" },
    ],
    versions: [{ version: 1, author: "DUN", sequence: 20, turn: 0, at, clauses: 1 }],
    signatures: [
      { party: "BOR", version: 1, sequence: 31, turn: 0, at },
      { party: "ARD", version: 1, sequence: 30, turn: 0, at },
    ],
    breaches: [{ breachId: "b1", violator: "BOR", clauseId: "ceasefire", description: "a cyber operation against ARD", sequence: 80, turn: 1, at, ruledUnfounded: null }],
  };
}

describe("negotiation timeline (review)", () => {
  it("lays the phases end to end from convening to the end of the charted range, each held until the next", () => {
    const t = negotiationTimeline(lakeTalks(), 0, 110);
    expect(t.segments.map((s) => [s.label, s.from, s.to])).toEqual([
      ["Convened", 10, 12],
      ["Opening statements", 12, 20],
      ["Drafting", 20, 30],
      ["Signature", 30, 31],
      ["In force", 31, 80],
      ["Breached", 80, 110],
    ]);
    const total = t.segments.reduce((sum, s) => sum + s.share, 0);
    expect(total).toBeCloseTo(100 / 110, 10); // from event 10 to 110 of 0..110
    expect(t.segments[4]?.share).toBeCloseTo(49 / 110, 10);
  });

  it("marks versions, signatures and breaches in event order, with who did what", () => {
    const t = negotiationTimeline(lakeTalks(), 0, 110);
    expect(t.marks.map((m) => [m.kind, m.sequence])).toEqual([
      ["version", 20],
      ["signature", 30],
      ["signature", 31],
      ["breach", 80],
    ]);
    expect(t.marks[0]?.label).toBe("Version 1 tabled by DUN (1 clause)");
    expect(t.marks[1]?.label).toBe("ARD signed version 1");
    expect(t.marks[3]?.label).toBe("BOR breached ceasefire: a cyber operation against ARD");
    expect(t.marks[3]?.position).toBeCloseTo(80 / 110, 10);
    expect([t.versions, t.signatures, t.breaches, t.breachesUpheld]).toEqual([1, 2, 1, 1]);
    expect(t.who).toBe("ARD, BOR; mediator DUN");
  });

  it("counts a breach ruled unfounded apart and says why", () => {
    const record = lakeTalks();
    record.breaches = record.breaches.map((b) => ({ ...b, ruledUnfounded: "the operation was authorised by the agreement" }));
    const t = negotiationTimeline(record, 0, 110);
    expect([t.breaches, t.breachesUpheld]).toEqual([1, 0]);
    expect(t.marks.at(-1)?.label).toContain("ruled unfounded: the operation was authorised by the agreement");
  });

  it("keeps talks convened at the last event on the strip instead of dividing by nothing", () => {
    const t = negotiationTimeline({ ...lakeTalks(), phases: [{ phase: "convened", sequence: 5, turn: 0, at, reason: "convened" }], versions: [], signatures: [], breaches: [] }, 5, 5);
    expect(t.segments).toEqual([{ phase: "convened", label: "Convened", from: 5, to: 5, share: 0, turn: 0, reason: "convened" }]);
    expect(t.marks).toEqual([]);
  });
});
