import type { EventBatch, ExerciseSnapshot, RecordedEvent, ResyncReply } from "../api/types";

/**
 * The live protocol, as a pure state machine: no gaps, no duplicates.
 *
 * The client keeps a watermark: the sequence number its state is current to (the snapshot's, then each applied
 * batch's "to"). An Events batch covers (from, to]:
 *  - to <= watermark: already applied, drop it;
 *  - from > watermark: something was missed, ask Resync(watermark) and hold batches until it answers;
 *  - otherwise apply the events above the watermark and move the watermark to "to".
 * While a snapshot is awaited (Join, a reconnect's Join, an explicit Snapshot) batches are held, then replayed on it.
 *
 * Every input returns the next state and the effects for the caller to carry out, in order: replace the state with a
 * snapshot, apply events, or call Resync. The SignalR glue (liveConnection.ts) only feeds messages in and runs effects.
 */

export type LiveEffect =
  | { kind: "replace"; snapshot: ExerciseSnapshot }
  | { kind: "apply"; events: RecordedEvent[]; to: number }
  | { kind: "resync"; after: number };

export type LiveMode = "awaitingSnapshot" | "live" | "resyncing";

export interface LiveSyncState {
  readonly mode: LiveMode;
  /** Sequence the client's state is current to; null before the first snapshot. */
  readonly watermark: number | null;
  /** Batches received while a snapshot or a resync was awaited, in arrival order. */
  readonly held: readonly EventBatch[];
}

export interface Step {
  state: LiveSyncState;
  effects: LiveEffect[];
}

export function initialLiveSync(): LiveSyncState {
  return { mode: "awaitingSnapshot", watermark: null, held: [] };
}

/** Call before Join (first or after a reconnect) or Snapshot(): batches are held until the snapshot arrives. */
export function expectSnapshot(state: LiveSyncState): LiveSyncState {
  return { ...state, mode: "awaitingSnapshot" };
}

/** An Events batch pushed by the server. */
export function onBatch(state: LiveSyncState, batch: EventBatch): Step {
  if (state.mode !== "live" || state.watermark === null) {
    return { state: { ...state, held: [...state.held, batch] }, effects: [] };
  }

  return accept(state, batch, []);
}

/**
 * A snapshot arrived (Join's reply, a reconnect's Join, Snapshot(), or Resync when far behind). It replaces the state
 * unless it is older than what the client already has (then the client keeps its newer state and carries on).
 */
export function onSnapshot(state: LiveSyncState, snapshot: ExerciseSnapshot): Step {
  const effects: LiveEffect[] = [];
  let watermark = state.watermark;
  if (watermark === null || snapshot.sequence >= watermark) {
    effects.push({ kind: "replace", snapshot });
    watermark = snapshot.sequence;
  }

  return drain({ mode: "live", watermark, held: state.held }, effects);
}

/** Resync's reply: the missed events as one batch, or a snapshot when the client was too far behind. */
export function onResync(state: LiveSyncState, reply: ResyncReply): Step {
  if (reply.snapshot) {
    return onSnapshot(state, reply.snapshot);
  }

  const live: LiveSyncState = { ...state, mode: "live" };
  if (!reply.batch) {
    return drain(live, []);
  }

  const first = accept({ ...live, held: [] }, reply.batch, []);
  if (first.state.mode === "resyncing") {
    // The reply itself does not reach back to the watermark (cannot happen with a well-behaved server): ask again.
    return { state: { ...first.state, held: [...first.state.held, ...state.held] }, effects: first.effects };
  }

  return drain({ ...first.state, held: state.held }, first.effects);
}

/** A Resync or Snapshot call failed because the connection dropped: wait for the reconnect's Join snapshot. */
export function onCallFailed(state: LiveSyncState): LiveSyncState {
  return { ...state, mode: "awaitingSnapshot" };
}

/**
 * An optional Snapshot call failed while the connection stayed up: carry on from the watermark with the batches held
 * meanwhile (a gap among them asks for a Resync as usual).
 */
export function onSnapshotSkipped(state: LiveSyncState): Step {
  if (state.watermark === null) {
    return { state, effects: [] };
  }

  return drain({ ...state, mode: "live" }, []);
}

function accept(state: LiveSyncState, batch: EventBatch, effects: LiveEffect[]): Step {
  const watermark = state.watermark ?? 0;
  if (batch.to <= watermark) {
    return { state, effects }; // a duplicate: everything in it is applied already
  }

  if (batch.from > watermark) {
    return {
      state: { ...state, mode: "resyncing", held: [...state.held, batch] },
      effects: [...effects, { kind: "resync", after: watermark }],
    };
  }

  const events = batch.events.filter((e) => e.sequence > watermark);
  return {
    state: { ...state, watermark: batch.to },
    effects: [...effects, { kind: "apply", events, to: batch.to }],
  };
}

/** Replays held batches in order; stops (and resyncs) at the first gap, keeping the rest held. */
function drain(state: LiveSyncState, effects: LiveEffect[]): Step {
  const queue = [...state.held].sort((a, b) => a.from - b.from || a.to - b.to);
  let current: LiveSyncState = { ...state, held: [] };
  let out = effects;
  for (let i = 0; i < queue.length; i++) {
    const step = accept(current, queue[i]!, out);
    current = step.state;
    out = step.effects;
    if (current.mode === "resyncing") {
      current = { ...current, held: [...current.held, ...queue.slice(i + 1)] };
      break;
    }
  }

  return { state: current, effects: out };
}
