/** What the order form needs to know to say whether orders are taken now. */
export interface OrdersMoment {
  status: string;
  phase: string;
  turn: number;
  /** The turn the nation's orders belong to, and whether they are open (the nation's own view). */
  ordersTurn: number;
  ordersOpen: boolean;
}

/** Whether the nation's orders are open for the current turn. */
export function ordersOpenNow(m: OrdersMoment): boolean {
  return m.status !== "ended" && m.ordersOpen && m.ordersTurn === m.turn;
}

/**
 * Why orders are not taken now, in words, or null when they are: the order form offers Submit only while orders are
 * open, and says this instead at every other moment (before the start, in planning, in adjudication, once results are
 * out, after the end).
 */
export function ordersClosedReason(m: OrdersMoment): string | null {
  if (m.status === "ended") {
    return "The exercise has ended: no more orders are taken.";
  }

  if (ordersOpenNow(m)) {
    return null;
  }

  if (m.status === "draft" || m.turn === 0) {
    return "The exercise has not started yet: orders open in the orders phase of the first turn.";
  }

  switch (m.phase) {
    case "planning":
      return `Turn ${m.turn} is in its planning phase: orders open when exercise control starts the orders phase.`;
    case "orders":
      return `Orders for turn ${m.turn} are opening; the form appears as soon as your nation's orders are open.`;
    case "adjudication":
      return `Orders for turn ${m.turn} are closed and being adjudicated.`;
    case "results":
      return `Orders for turn ${m.turn} are closed and the results are out (see “Messages for your delegation”). Orders open again in the next turn's orders phase.`;
    default:
      return `Orders for turn ${m.turn} are closed.`;
  }
}
