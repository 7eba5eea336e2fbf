import { describe, expect, it } from "vitest";
import type { AllianceClock, RecordedEvent } from "../../src/api/types";
import { playNow } from "../../src/state/playTime";

const t = (s: string) => Date.parse(`2026-12-03T10:${s}Z`);
const clock = (over: Partial<AllianceClock> = {}): AllianceClock => ({ status: "running", turn: 1, phase: "planning", pausedAt: null, paused: "PT0S", changedAt: null, ...over });
const ev = (type: string, at: string): RecordedEvent => ({
  exerciseId: "x",
  sequence: 1,
  stream: "exercise",
  streamVersion: 0,
  recordedAt: new Date(t(at)).toISOString(),
  commandId: null,
  audience: { kind: "public", nations: [] },
  event: { $type: type },
});

describe("alliance deadlines on play time (wall time minus the exercise's pauses)", () => {
  it("is wall time before any pause", () => {
    expect(playNow(clock(), "running", [], t("05:00"))).toBe(t("05:00"));
  });

  it("takes out the pauses the alliance has followed", () => {
    expect(playNow(clock({ paused: "PT2M" }), "running", [], t("05:00"))).toBe(t("03:00"));
  });

  it("stands still from the exercise's pause, even before the alliance's snapshot shows it", () => {
    const timeline = [ev("exercise.paused", "01:00")];
    expect(playNow(clock(), "paused", timeline, t("04:00"))).toBe(t("01:00"));
    expect(playNow(clock(), "paused", timeline, t("09:00"))).toBe(t("01:00"));
  });

  it("runs on after a resume the alliance's snapshot has not caught up with, minus the pause", () => {
    const timeline = [ev("exercise.paused", "01:00"), ev("exercise.resumed", "04:00")];
    expect(playNow(clock({ pausedAt: new Date(t("01:00")).toISOString(), status: "paused" }), "running", timeline, t("06:00"))).toBe(t("03:00"));
  });
});
