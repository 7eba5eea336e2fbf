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
  ];

  it("counts news, others' consultations and votes, decisions and orders opening — not the team's own acts", () => {
    expect(timeline.filter((e) => concernsTeam(e, "ARD")).map((e) => e.sequence)).toEqual([2, 3, 5, 7, 8]);
    expect(unreadCount(timeline, "ARD", 0)).toBe(5);
  });

  it("counts only what arrived after what the team has seen", () => {
    expect(unreadCount(timeline, "ARD", 5)).toBe(2);
    expect(unreadCount(timeline, "ARD", 8)).toBe(0);
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
