import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "../../src/api/types";
import { concernsTeam, describeNotification, unreadCount } from "../../src/state/notifications";

function ev(sequence: number, stream: string, event: Record<string, unknown>): RecordedEvent {
  return {
    exerciseId: "x",
    sequence,
    stream,
    streamVersion: 0,
    recordedAt: "2026-12-03T10:00:00Z",
    commandId: null,
    audience: { kind: "public", nations: [] },
    event: event as RecordedEvent["event"],
  };
}

describe("a team's notifications", () => {
  const timeline = [
    ev(1, "exercise", { $type: "exercise.phase-changed", turn: 1, phase: "planning" }),
    ev(2, "exercise", { $type: "news.published", headline: "Port fire" }),
    ev(3, "alliance/NCP", { $type: "alliance.consultation-requested", member: "CAL", threat: "Border" }),
    ev(4, "alliance/NCP", { $type: "alliance.draft-tabled", member: "ARD" }),
    ev(5, "alliance/NCP", { $type: "alliance.vote-cast", member: "CAL", draftId: "NCP-d1", choice: "yes" }),
    ev(6, "nation/ARD", { $type: "nation.order-submitted", order: {} }),
    ev(7, "exercise", { $type: "exercise.phase-changed", turn: 1, phase: "orders" }),
    ev(8, "alliance/NCP", { $type: "alliance.draft-decided", draftId: "NCP-d1", result: { status: "passed", reason: "60% reached" } }),
    ev(9, "nation/ARD", { $type: "nation.changed", summary: "", delta: { nation: "ARD", indices: { readiness: 2 }, relations: {} } }),
    ev(10, "exercise", { $type: "exercise.outcome-reported", turn: 1, success: true, summary: "Aid delivered." }),
    ev(11, "exercise", { $type: "exercise.phase-changed", turn: 1, phase: "results" }),
    ev(12, "exercise", { $type: "exercise.inject-briefed", title: "Grid outage", brief: "Your grid is down." }),
  ];

  it("counts others' consultations and votes, decisions, briefs, orders opening and results going out — not the team's own acts", () => {
    expect(timeline.filter((e) => concernsTeam(e, "ARD")).map((e) => e.sequence)).toEqual([3, 5, 7, 8, 11, 12]);
    expect(unreadCount(timeline, "ARD", 0)).toBe(6);
  });

  it("does not repeat the news feed, nor each outcome report and change that the messages feed shows", () => {
    expect(concernsTeam(timeline[1]!, "ARD")).toBe(false); // news.published
    expect(concernsTeam(timeline[8]!, "ARD")).toBe(false); // nation.changed
    expect(concernsTeam(timeline[9]!, "ARD")).toBe(false); // exercise.outcome-reported
    expect(describeNotification(timeline[10]!, (c) => c, (c) => c, () => "")).toBe("Turn 1: results are out — see “Messages for your delegation”");
  });

  it("names the nations in a rule's reason instead of their codes", () => {
    const failed = ev(13, "alliance/NCP", { $type: "alliance.draft-decided", draftId: "NCP-d2", result: { status: "failed", reason: "Unanimity not met: CAL (no); unanimity needs every eligible member's yes." } });
    expect(describeNotification(failed, (c) => (c === "CAL" ? "Kingdom of Calderra" : c), () => "Northern Compact", () => "")).toBe(
      "Northern Compact: a draft decision failed: Unanimity not met: Kingdom of Calderra (no); unanimity needs every eligible member's yes.",
    );
  });

  it("counts only what arrived after what the team has seen", () => {
    expect(unreadCount(timeline, "ARD", 5)).toBe(4);
    expect(unreadCount(timeline, "ARD", 12)).toBe(0);
  });

  it("says what happened without internal ids", () => {
    const text = describeNotification(timeline[7]!, (c) => c, () => "Northern Compact", () => "fallback");
    expect(text).toBe("Northern Compact: a draft decision passed: 60% reached");
    expect(describeNotification(timeline[4]!, (c) => (c === "CAL" ? "Calderra" : c), () => "Northern Compact", () => "")).toBe("Northern Compact: Calderra voted yes");
    const prompt = ev(9, "exercise", { $type: "exercise.consultation-prompted", nation: "ARD", alliance: "NCP" });
    expect(describeNotification(prompt, (c) => (c === "ARD" ? "Ardenia" : c), (c) => (c === "NCP" ? "Northern Compact" : c), () => "")).toBe(
      "Ardenia may wish to request consultations in Northern Compact",
    );
  });
});
