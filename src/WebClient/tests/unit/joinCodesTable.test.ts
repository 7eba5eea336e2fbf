import { describe, expect, it } from "vitest";
import { describeGrant } from "../../src/ui/control/JoinCodesTable";

describe("the join codes table says what a code lets its holder do", () => {
  const name = (c: string) => ({ ARD: "Republic of Ardenia" })[c] ?? c;

  it("names the role and the nation in words, never the wire key", () => {
    expect(describeGrant({ role: "team", nation: "ARD" }, name)).toBe("Team playing Republic of Ardenia");
    expect(describeGrant({ role: "observer", nation: null }, name)).toBe("Observer");
    expect(describeGrant({ role: "facilitator", nation: null }, name)).toBe("Exercise control");
  });
});
