import { describe, expect, it } from "vitest";
import { ordersClosedReason, ordersOpenNow } from "../../src/state/ordersClosed";

const running = { status: "running", turn: 2, ordersTurn: 2, ordersOpen: true };

describe("the order form offers Submit only while orders are open", () => {
  it("has no reason to give while the nation's orders for this turn are open", () => {
    expect(ordersOpenNow({ ...running, phase: "orders" })).toBe(true);
    expect(ordersClosedReason({ ...running, phase: "orders" })).toBeNull();
  });

  it("says why orders are closed in every other phase", () => {
    const closed = { ...running, ordersOpen: false };
    expect(ordersClosedReason({ ...closed, phase: "results" })).toMatch(/^Orders for turn 2 are closed and the results are out/);
    expect(ordersClosedReason({ ...closed, phase: "adjudication" })).toBe("Orders for turn 2 are closed and being adjudicated.");
    expect(ordersClosedReason({ ...closed, phase: "planning", ordersTurn: 1 })).toBe(
      "Turn 2 is in its planning phase: orders open when exercise control starts the orders phase.",
    );
    expect(ordersClosedReason({ status: "draft", phase: "planning", turn: 0, ordersTurn: 0, ordersOpen: false })).toMatch(/has not started yet/);
  });

  it("treats last turn's open orders as closed, and an ended exercise as ended whatever the nation says", () => {
    expect(ordersOpenNow({ ...running, phase: "planning", turn: 3 })).toBe(false);
    expect(ordersClosedReason({ ...running, phase: "orders", status: "ended" })).toBe("The exercise has ended: no more orders are taken.");
  });
});
