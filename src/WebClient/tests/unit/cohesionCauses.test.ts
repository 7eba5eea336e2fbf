import { describe, expect, it } from "vitest";
import { cohesionCauses } from "../../src/state/cohesionCauses";

const none = { index: 100, divergence: 0, silentMembers: 0, failedDecisions: 0, freeRiders: 0, pledgeShortfall: 0, passedDecisions: 0 };

describe("why an alliance's cohesion moved", () => {
  it("says nothing when nothing moved it", () => {
    expect(cohesionCauses(none)).toBe("");
  });

  it("names what lowered it and what raised it, from the server's counts", () => {
    expect(cohesionCauses({ ...none, index: 84, divergence: 0.5, silentMembers: 1, failedDecisions: 2, passedDecisions: 1 })).toBe(
      "lowered by divided positions in consultations, 1 member silent in consultations, 2 failed decisions; raised by 1 passed decision",
    );
    expect(cohesionCauses({ ...none, index: 80, freeRiders: 2, pledgeShortfall: 0.25 })).toBe(
      "lowered by 2 members giving no collective-defence response, pledges not delivered in full (25% outstanding)",
    );
  });
});
