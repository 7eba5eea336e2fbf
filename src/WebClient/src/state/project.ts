import type {
  AllianceView,
  ExerciseSnapshot,
  ExerciseView,
  InjectDefinition,
  NationDelta,
  NationIndex,
  NationView,
  Order,
  Outcome,
  OutcomeEffect,
  Participant,
  RecordedEvent,
  TeamAssignment,
  TurnPhase,
} from "../api/types";
import type { NegotiationView } from "../api/negotiationTypes";

/**
 * What the client shows: a snapshot folded forward with the events after it. This mirrors the server's own folds
 * (ExerciseEvolve, NationEvolve) for the parts the views show; it decides no rule — every change comes from an event
 * the server recorded. Alliance state is not folded here: its cohesion and settlement are computed by the alliance
 * grain, so the client takes a fresh snapshot after alliance events instead of duplicating that logic
 * (see {@link needsSnapshot}).
 */
export interface ClientState {
  exerciseId: string;
  sequence: number;
  viewer: Participant;
  exercise: ExerciseView;
  nations: NationView[];
  alliances: AllianceView[];
  /** Negotiation sessions as this viewer sees them; refreshed by snapshot after negotiation events (never folded here). */
  negotiations: NegotiationView[];
  /** Every event this viewer has seen, oldest first (the snapshot's recent ones, then live ones). */
  timeline: RecordedEvent[];
}

export const TIMELINE_LIMIT = 2000;
const INDEX_MIN = 0;
const INDEX_MAX = 100;

export function fromSnapshot(snapshot: ExerciseSnapshot, previous?: ClientState): ClientState {
  return {
    exerciseId: snapshot.exerciseId,
    sequence: snapshot.sequence,
    viewer: snapshot.viewer,
    exercise: snapshot.exercise,
    nations: snapshot.nations,
    alliances: snapshot.alliances,
    negotiations: snapshot.negotiations ?? [],
    timeline: mergeTimeline(previous && sameNumbering(previous, snapshot) ? previous.timeline : [], snapshot.recent, snapshot.sequence),
  };
}

/**
 * Whether a snapshot numbers events the way the client's earlier state did. Each viewer has its own numbering (the n-th
 * event it may see); an observer's changes to the log's own when the review opens, so older timeline entries would
 * carry numbers of the old count.
 */
function sameNumbering(previous: ClientState, snapshot: ExerciseSnapshot): boolean {
  return previous.exerciseId === snapshot.exerciseId && previous.viewer.fullView === snapshot.viewer.fullView;
}

/** Keeps older events the client already had (a snapshot carries only the most recent ones), without duplicates. */
function mergeTimeline(previous: RecordedEvent[], recent: RecordedEvent[], upTo: number): RecordedEvent[] {
  const oldestRecent = recent.length > 0 ? recent[0]!.sequence : upTo + 1;
  const kept = previous.filter((e) => e.sequence < oldestRecent);
  return capped([...kept, ...recent]);
}

function capped(events: RecordedEvent[]): RecordedEvent[] {
  return events.length > TIMELINE_LIMIT ? events.slice(events.length - TIMELINE_LIMIT) : events;
}

/** Adds older events (history fetched over HTTP) before the timeline, in order, without duplicates. */
export function withHistory(state: ClientState, older: readonly RecordedEvent[]): ClientState {
  const known = new Set(state.timeline.map((e) => e.sequence));
  const fresh = older.filter((e) => !known.has(e.sequence) && e.sequence <= state.sequence);
  if (fresh.length === 0) {
    return state;
  }

  const timeline = [...fresh, ...state.timeline].sort((a, b) => a.sequence - b.sequence);
  return { ...state, timeline: timeline.length > TIMELINE_LIMIT ? timeline.slice(timeline.length - TIMELINE_LIMIT) : timeline };
}

export function applyEvents(state: ClientState, events: readonly RecordedEvent[], to: number): ClientState {
  let next = state;
  for (const recorded of events) {
    if (recorded.sequence <= next.sequence) {
      continue;
    }

    next = applyOne(next, recorded);
  }

  const fresh = events.filter((e) => e.sequence > state.sequence);
  return { ...next, sequence: Math.max(next.sequence, to), timeline: capped([...state.timeline, ...fresh]) };
}

/**
 * Whether these events change something the client cannot fold itself, so it should take a fresh snapshot:
 * alliance traffic (computed state), the review opening (observers then see everything), and — for viewers who do
 * not see every nation's stream — phase changes, after which other nations' public posture and sanctions may have
 * moved through events this viewer is not shown.
 */
export function needsSnapshot(events: readonly RecordedEvent[], viewer: Participant): boolean {
  const seesAllStreams = viewer.role === "facilitator" || viewer.role === "system" || viewer.fullView;
  return events.some(
    (e) =>
      e.stream.startsWith("alliance/") ||
      e.stream.startsWith("negotiation/") ||
      e.event.$type === "exercise.review-opened" ||
      (!seesAllStreams && e.event.$type === "exercise.phase-changed"),
  );
}

function applyOne(state: ClientState, recorded: RecordedEvent): ClientState {
  const withSequence = { ...state, sequence: recorded.sequence };
  if (recorded.stream === "exercise") {
    return { ...withSequence, exercise: applyExercise(state.exercise, recorded) };
  }

  if (recorded.stream.startsWith("nation/")) {
    const code = recorded.stream.slice("nation/".length);
    return { ...withSequence, nations: state.nations.map((n) => (n.code === code ? applyNation(n, recorded) : n)) };
  }

  return withSequence;
}

// Mirrors ExerciseEvolve.Apply for the fields of ExerciseView.
function applyExercise(exercise: ExerciseView, recorded: RecordedEvent): ExerciseView {
  const e = recorded.event as Record<string, unknown> & { $type: string };
  switch (e.$type) {
    case "exercise.team-assigned": {
      const team: TeamAssignment = { teamId: e.teamId as string, teamName: e.teamName as string, nation: e.nation as string };
      const teams = exercise.teams.filter((t) => t.teamId !== team.teamId);
      return { ...exercise, teams: [...teams, team].sort((a, b) => a.teamId.localeCompare(b.teamId)) };
    }
    case "exercise.started":
      return { ...exercise, status: "running" };
    case "exercise.turn-started":
      return { ...exercise, turn: e.turn as number, simulatedTime: e.simulatedStart as string };
    case "exercise.phase-changed":
      return { ...exercise, turn: e.turn as number, phase: e.phase as TurnPhase, deadlineAt: (e.deadlineAt as string | null) ?? null };
    case "exercise.deadline-extended":
      return { ...exercise, deadlineAt: (e.deadlineAt as string | null) ?? null, pausedRemaining: (e.pausedRemaining as string | null) ?? null };
    case "exercise.paused":
      return { ...exercise, status: "paused", pausedRemaining: (e.remaining as string | null) ?? null, deadlineAt: null };
    case "exercise.resumed":
      return { ...exercise, status: "running", deadlineAt: (e.deadlineAt as string | null) ?? null, pausedRemaining: null };
    case "exercise.ended":
      return { ...exercise, status: "ended", endReason: e.reason as string, deadlineAt: null, pausedRemaining: null };
    case "exercise.review-opened":
      return { ...exercise, reviewOpen: true };
    case "exercise.inject-released": {
      if (!exercise.control) {
        return exercise;
      }

      const id = (e.inject as { id: string }).id;
      const msel = exercise.control.msel.map((m) => (m.inject.id === id ? { ...m, released: true } : m));
      return { ...exercise, control: { ...exercise.control, msel } };
    }
    case "exercise.msel-rows-imported": {
      // MselRowsImported: the file's injects join the MSEL, not yet released (control only sees this event).
      if (!exercise.control) {
        return exercise;
      }

      const known = new Set(exercise.control.msel.map((m) => m.inject.id));
      const added = (e.injects as InjectDefinition[]).filter((i) => !known.has(i.id)).map((inject) => ({ inject, released: false }));
      return { ...exercise, control: { ...exercise.control, msel: [...exercise.control.msel, ...added] } };
    }
    case "exercise.action-adjudicated": {
      if (!exercise.control) {
        return exercise;
      }

      const outcome = e.outcome as Outcome;
      const outcomes = [...exercise.control.outcomes.filter((o) => o.outcomeId !== outcome.outcomeId), outcome];
      outcomes.sort((a, b) => a.turn - b.turn || a.outcomeId.localeCompare(b.outcomeId));
      return { ...exercise, control: { ...exercise.control, outcomes, draws: e.drawsAfter as number } };
    }
    case "exercise.adjudication-completed":
      return exercise.control ? { ...exercise, control: { ...exercise.control, draws: e.drawsAfter as number } } : exercise;
    case "exercise.outcome-overridden": {
      if (!exercise.control) {
        return exercise;
      }

      const replacement = e.replacement as OutcomeEffect[];
      const outcomes = exercise.control.outcomes.map((o) => (o.outcomeId === e.outcomeId ? { ...o, effects: replacement } : o));
      return { ...exercise, control: { ...exercise.control, outcomes } };
    }
    default:
      return exercise;
  }
}

// Mirrors NationEvolve.Apply for the fields of NationView.
function applyNation(nation: NationView, recorded: RecordedEvent): NationView {
  const e = recorded.event as Record<string, unknown> & { $type: string };
  const own = nation.private;
  switch (e.$type) {
    case "nation.orders-opened":
      return own ? { ...nation, private: { ...own, ordersTurn: e.turn as number, ordersOpen: true, actionPoints: e.actionPoints as number, orders: [] } } : nation;
    case "nation.order-submitted": {
      const order = e.order as Order;
      return own ? { ...nation, private: { ...own, orders: [...own.orders, order], actionPoints: own.actionPoints - order.cost } } : nation;
    }
    case "nation.action-points-spent":
      return own ? { ...nation, private: { ...own, actionPoints: own.actionPoints - (e.points as number) } } : nation;
    case "nation.order-withdrawn": {
      const order = own?.orders.find((o) => o.orderId === e.orderId);
      return own && order
        ? { ...nation, private: { ...own, orders: own.orders.filter((o) => o !== order), actionPoints: own.actionPoints + order.cost } }
        : nation;
    }
    case "nation.orders-closed":
      return own ? { ...nation, private: { ...own, ordersOpen: false } } : nation;
    case "nation.changed":
      return applyDelta(nation, e.delta as NationDelta);
    case "nation.posture-changed":
      return { ...nation, posture: e.posture as NationView["posture"], sanctioning: e.sanctioning as string[] };
    default:
      return nation;
  }
}

/** NationEvolve.ApplyDelta: indices and relations add, clamped to 0–100; posture and sanctions replace. */
export function applyDelta(nation: NationView, delta: NationDelta): NationView {
  const posture = delta.posture
    ? {
        mobilised: delta.posture.mobilised ?? nation.posture.mobilised,
        area: delta.posture.area ?? nation.posture.area,
        facing: delta.posture.area == null ? nation.posture.facing : delta.posture.facing,
      }
    : nation.posture;
  let sanctioning = nation.sanctioning;
  if (delta.sanctionsImposed) {
    sanctioning = [...new Set([...sanctioning, ...delta.sanctionsImposed])].sort();
  }

  if (delta.sanctionsLifted) {
    const lifted = new Set(delta.sanctionsLifted);
    sanctioning = sanctioning.filter((s) => !lifted.has(s));
  }

  let own = nation.private;
  if (own) {
    const indices = { ...own.indices };
    for (const [index, value] of Object.entries(delta.indices ?? {}) as [NationIndex, number][]) {
      indices[index] = clamp(indices[index] + value);
    }

    const relations = { ...own.relations };
    for (const change of Object.values(delta.relations ?? {})) {
      const current = relations[change.toward] ?? { trust: 50, tension: 20 };
      relations[change.toward] = { trust: clamp(current.trust + change.trust), tension: clamp(current.tension + change.tension) };
    }

    own = { ...own, indices, relations };
  }

  return { ...nation, posture, sanctioning, private: own };
}

function clamp(value: number): number {
  return Math.min(INDEX_MAX, Math.max(INDEX_MIN, value));
}
