import { describe, expect, it } from "vitest";
import type { EventBatch, ExerciseSnapshot, RecordedEvent } from "../../src/api/types";
import {
  expectSnapshot,
  initialLiveSync,
  onBatch,
  onCallFailed,
  onResync,
  onSnapshot,
  onSnapshotSkipped,
  type LiveEffect,
  type LiveSyncState,
  type Step,
} from "../../src/live/liveSync";

function event(sequence: number): RecordedEvent {
  return {
    exerciseId: "x",
    sequence,
    stream: "exercise",
    streamVersion: sequence,
    recordedAt: "2030-01-01T00:00:00Z",
    commandId: null,
    audience: { kind: "public", nations: [] },
    event: { $type: "test", n: sequence },
  };
}

/** A batch covering (from, to] with the given visible sequence numbers (default: all of them). */
function batch(from: number, to: number, visible?: number[]): EventBatch {
  const seqs = visible ?? Array.from({ length: to - from }, (_, i) => from + i + 1);
  return { exerciseId: "x", from, to, events: seqs.map(event) };
}

function snapshot(sequence: number): ExerciseSnapshot {
  return { exerciseId: "x", sequence, recent: [] } as unknown as ExerciseSnapshot;
}

/** Applies effects to a list of applied sequence numbers, like a client would, and records resync requests. */
class Client {
  applied: number[] = [];
  replacedAt: number[] = [];
  resyncs: number[] = [];
  state: LiveSyncState = initialLiveSync();

  feed(step: (s: LiveSyncState) => Step): this {
    const { state, effects } = step(this.state);
    this.state = state;
    effects.forEach((e) => this.run(e));
    return this;
  }

  private run(effect: LiveEffect): void {
    if (effect.kind === "replace") {
      this.replacedAt.push(effect.snapshot.sequence);
      this.applied = this.applied.filter((s) => s <= effect.snapshot.sequence);
    } else if (effect.kind === "apply") {
      this.applied.push(...effect.events.map((e) => e.sequence));
    } else {
      this.resyncs.push(effect.after);
    }
  }
}

describe("live protocol", () => {
  it("applies batches that continue from the watermark", () => {
    const c = new Client()
      .feed((s) => onSnapshot(s, snapshot(10)))
      .feed((s) => onBatch(s, batch(10, 12)))
      .feed((s) => onBatch(s, batch(12, 13)));
    expect(c.replacedAt).toEqual([10]);
    expect(c.applied).toEqual([11, 12, 13]);
    expect(c.state.watermark).toBe(13);
    expect(c.resyncs).toEqual([]);
  });

  it("drops a batch at or below the watermark (a duplicate)", () => {
    const c = new Client()
      .feed((s) => onSnapshot(s, snapshot(10)))
      .feed((s) => onBatch(s, batch(10, 12)))
      .feed((s) => onBatch(s, batch(10, 12)))
      .feed((s) => onBatch(s, batch(8, 10)));
    expect(c.applied).toEqual([11, 12]);
    expect(c.state.watermark).toBe(12);
  });

  it("applies only the events above the watermark of an overlapping batch", () => {
    const c = new Client().feed((s) => onSnapshot(s, snapshot(10))).feed((s) => onBatch(s, batch(8, 12)));
    expect(c.applied).toEqual([11, 12]);
    expect(c.state.watermark).toBe(12);
  });

  it("moves the watermark over events this viewer may not see (filtered batches)", () => {
    const c = new Client()
      .feed((s) => onSnapshot(s, snapshot(10)))
      .feed((s) => onBatch(s, batch(10, 15, [13])))
      .feed((s) => onBatch(s, batch(15, 16)));
    expect(c.applied).toEqual([13, 16]);
    expect(c.resyncs).toEqual([]);
  });

  it("asks for a resync on a gap and holds later batches until it answers", () => {
    const c = new Client()
      .feed((s) => onSnapshot(s, snapshot(10)))
      .feed((s) => onBatch(s, batch(12, 13)))
      .feed((s) => onBatch(s, batch(13, 14)));
    expect(c.resyncs).toEqual([10]); // once, not once per batch
    expect(c.applied).toEqual([]);
    expect(c.state.mode).toBe("resyncing");

    c.feed((s) => onResync(s, { batch: batch(10, 13), snapshot: null }));
    expect(c.applied).toEqual([11, 12, 13, 14]);
    expect(c.state.watermark).toBe(14);
    expect(c.state.mode).toBe("live");
    expect(c.state.held).toEqual([]);
  });

  it("replaces the state when Resync answers with a snapshot (too far behind), then replays held batches", () => {
    const c = new Client()
      .feed((s) => onSnapshot(s, snapshot(10)))
      .feed((s) => onBatch(s, batch(5000, 5001)))
      .feed((s) => onBatch(s, batch(5001, 5002)))
      .feed((s) => onResync(s, { batch: null, snapshot: snapshot(5001) }));
    expect(c.replacedAt).toEqual([10, 5001]);
    expect(c.applied).toEqual([5002]);
    expect(c.state.watermark).toBe(5002);
  });

  it("buffers batches that arrive before Join's reply and applies them after it", () => {
    const c = new Client()
      .feed((s) => onBatch(s, batch(9, 11)))
      .feed((s) => onBatch(s, batch(11, 12)))
      .feed((s) => onSnapshot(s, snapshot(10)));
    expect(c.replacedAt).toEqual([10]);
    expect(c.applied).toEqual([11, 12]);
    expect(c.state.watermark).toBe(12);
  });

  it("drops buffered batches the Join snapshot already covers", () => {
    const c = new Client()
      .feed((s) => onBatch(s, batch(9, 10)))
      .feed((s) => onSnapshot(s, snapshot(10)));
    expect(c.applied).toEqual([]);
    expect(c.state.watermark).toBe(10);
  });

  it("reconciles after a reconnect: a newer snapshot replaces the state, batches meanwhile are held", () => {
    const c = new Client()
      .feed((s) => onSnapshot(s, snapshot(10)))
      .feed((s) => onBatch(s, batch(10, 11)));
    c.state = expectSnapshot(c.state); // reconnected: Join again
    c.feed((s) => onBatch(s, batch(14, 15))).feed((s) => onSnapshot(s, snapshot(14)));
    expect(c.replacedAt).toEqual([10, 14]);
    expect(c.applied).toEqual([11, 15]);
    expect(c.state.watermark).toBe(15);
    expect(c.resyncs).toEqual([]);
  });

  it("keeps its newer state when a reconnect's snapshot is older than the watermark", () => {
    const c = new Client()
      .feed((s) => onSnapshot(s, snapshot(10)))
      .feed((s) => onBatch(s, batch(10, 12)));
    c.state = expectSnapshot(c.state);
    c.feed((s) => onSnapshot(s, snapshot(11))).feed((s) => onBatch(s, batch(12, 13)));
    expect(c.replacedAt).toEqual([10]);
    expect(c.applied).toEqual([11, 12, 13]);
  });

  it("resyncs from a held batch that leaves a gap after the snapshot", () => {
    const c = new Client().feed((s) => onBatch(s, batch(20, 21))).feed((s) => onSnapshot(s, snapshot(10)));
    expect(c.resyncs).toEqual([10]);
    expect(c.state.held.map((b) => b.from)).toEqual([20]);
    c.feed((s) => onResync(s, { batch: batch(10, 20), snapshot: null }));
    expect(c.applied).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(c.state.watermark).toBe(21);
  });

  it("waits for the reconnect's Join after a failed call, and carries on after a skipped snapshot", () => {
    const c = new Client().feed((s) => onSnapshot(s, snapshot(10)));
    c.state = onCallFailed(c.state);
    c.feed((s) => onBatch(s, batch(10, 11)));
    expect(c.applied).toEqual([]);
    c.feed((s) => onSnapshotSkipped(s));
    expect(c.applied).toEqual([11]);
    expect(c.state.mode).toBe("live");
  });

  it("never applies an event twice or leaves one out, whatever the delivery order (duplicates, reorders, gaps)", () => {
    // A deterministic shuffle of batches 0..60 in steps of 3, each sent twice, some out of order; Resync answers from
    // the "server" log. The client must end with exactly 1..60 applied once, in order.
    const all = Array.from({ length: 20 }, (_, i) => batch(i * 3, i * 3 + 3));
    const deliveries = [...all, ...all].map((b, i) => ({ b, key: (i * 7919) % 41 })).sort((a, z) => a.key - z.key).map((x) => x.b);
    const c = new Client().feed((s) => onSnapshot(s, snapshot(0)));
    for (const b of deliveries) {
      c.feed((s) => onBatch(s, b));
      while (c.resyncs.length > 0) {
        const after = c.resyncs.shift()!;
        c.feed((s) => onResync(s, { batch: batch(after, 60), snapshot: null }));
      }
    }

    expect(c.applied).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(c.state.watermark).toBe(60);
  });
});
