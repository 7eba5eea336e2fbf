import { describe, expect, it } from "vitest";
import { describeCondition } from "../../src/state/describeCondition";

describe("an MSEL row's condition in words", () => {
  const names: Record<string, string> = { ARD: "Ardenia", BOR: "Borovia", CAL: "Calderra" };
  const name = (c: string) => names[c] ?? c;

  it("reads a nested condition as a facilitator would say it", () => {
    const when = {
      kind: "allOf",
      conditions: [
        { kind: "relation", nationA: "ARD", nationB: "BOR", measure: "tension", comparison: "above", value: 70 },
        {
          kind: "anyOf",
          conditions: [
            { kind: "index", nation: "CAL", index: "domesticStability", comparison: "below", value: 40 },
            { kind: "relation", nationA: "BOR", nationB: "CAL", measure: "trust", comparison: "below", value: 25 },
          ],
        },
        { kind: "turn", atLeast: 3 },
      ],
    };
    expect(describeCondition(when, name)).toBe(
      "tension between Ardenia and Borovia above 70 and (Calderra's domestic stability below 40 or trust between Borovia and Calderra below 25) and from turn 3 on",
    );
  });
});
