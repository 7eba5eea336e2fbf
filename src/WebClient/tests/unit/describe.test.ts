import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "../../src/api/types";
import { describeChange, describeEvent } from "../../src/state/describe";

const names: Record<string, string> = { ARV: "Arvenia", DRV: "Dravenia", LET: "Letavia" };
const name = (code: string) => names[code] ?? code;

function changed(event: Record<string, unknown>): RecordedEvent {
  return {
    exerciseId: "x",
    sequence: 4,
    stream: "nation/LET",
    streamVersion: 3,
    recordedAt: "2032-05-01T10:00:00Z",
    commandId: null,
    audience: { kind: "nations", nations: ["LET"] },
    event: { $type: "nation.changed", cause: "17/LET", ...event } as RecordedEvent["event"],
  };
}

describe("a change to a nation, with its cause", () => {
  it("says what moved, then the cause the server worded for the team", () => {
    const delta = { nation: "LET", indices: {}, relations: { ARV: { toward: "ARV", trust: 0, tension: 4 } } };
    expect(describeChange({ delta, because: "after Arvenia's mobilisation" }, name)).toBe("Tension with Arvenia +4 — after Arvenia's mobilisation");
  });

  it("words each kind of cause as the server gave it: another nation's act, a scenario event, control's adjustment", () => {
    const stability = { nation: "LET", indices: { domesticStability: -5 }, relations: {} };
    expect(describeChange({ delta: stability, because: "after the scenario event “Cyber attack on the grid”" }, name)).toBe(
      "−5 domestic stability — after the scenario event “Cyber attack on the grid”",
    );
    expect(describeChange({ delta: stability, because: "after exercise control's adjustment: Riots in the capital" }, name)).toBe(
      "−5 domestic stability — after exercise control's adjustment: Riots in the capital",
    );
    expect(describeChange({ delta: { nation: "LET", indices: { economy: -6 }, relations: {} }, because: "after an unattributed cyber operation against you" }, name)).toBe(
      "−6 economy — after an unattributed cyber operation against you",
    );
  });

  it("falls back to the summary for a change recorded before causes were worded", () => {
    const delta = { nation: "LET", indices: { publicSupport: -2 }, relations: {} };
    expect(describeChange({ delta, summary: "News: Port fire." }, name)).toBe("−2 public support — News: Port fire");
  });

  it("puts the nation and its change with the cause on the timeline, and no delivery key", () => {
    const text = describeEvent(
      changed({ summary: "", because: "after Dravenia's hostile statement toward you", delta: { nation: "LET", indices: {}, relations: { DRV: { toward: "DRV", trust: -5, tension: 8 } } } }),
      name,
    );
    expect(text).toBe("Letavia: Trust in Dravenia −5, tension with Dravenia +8 — after Dravenia's hostile statement toward you");
    expect(text).not.toContain("17/LET");
  });
});
