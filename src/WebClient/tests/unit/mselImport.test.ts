import { describe, expect, it } from "vitest";
import type { ExerciseSnapshot, InjectDefinition, RecordedEvent } from "../../src/api/types";
import { MSEL_COLUMNS, mselTemplate } from "../../src/api/mselImport";
import { describeEvent } from "../../src/state/describe";
import { applyEvents, fromSnapshot } from "../../src/state/project";

function inject(id: string, turn: number | null): InjectDefinition {
  return {
    id,
    title: `Inject ${id}`,
    kind: "economicShock",
    schedule: { turn, at: null, when: null, isManual: turn === null },
    targets: { all: true, nations: [], teams: [] },
    effects: [],
    triggers: [],
    news: null,
    brief: "A brief",
  };
}

function controlSnapshot(): ExerciseSnapshot {
  return {
    exerciseId: "x",
    sequence: 5,
    viewer: { role: "facilitator", nation: null, fullView: true },
    exercise: {
      exerciseId: "x",
      name: "Test",
      scenarioId: "s",
      scenarioTitle: "S",
      scenarioDescription: "",
      status: "running",
      turn: 1,
      maxTurns: 6,
      phase: "planning",
      deadlineAt: null,
      pausedRemaining: null,
      simulatedTime: null,
      turnDuration: "PT12H",
      teams: [],
      reviewOpen: false,
      endReason: null,
      control: { msel: [{ inject: inject("scenario-1", 2), released: false }], seed: 1, draws: 0, outcomes: [], pendingDeliveries: 0 },
    },
    nations: [],
    alliances: [],
    recent: [],
  } as unknown as ExerciseSnapshot;
}

const imported: RecordedEvent = {
  exerciseId: "x",
  sequence: 6,
  stream: "exercise",
  streamVersion: 6,
  recordedAt: "2030-01-01T00:00:00Z",
  commandId: null,
  audience: { kind: "control", nations: [] },
  event: { $type: "exercise.msel-rows-imported", fileName: "turn-plan.csv", injects: [inject("dock-strike", 3), inject("held", null)] } as RecordedEvent["event"],
};

describe("MSEL import", () => {
  it("adds the imported rows to control's MSEL as pending, after the scenario's own", () => {
    const state = applyEvents(fromSnapshot(controlSnapshot()), [imported], 6);
    expect(state.exercise.control!.msel.map((m) => [m.inject.id, m.released])).toEqual([
      ["scenario-1", false],
      ["dock-strike", false],
      ["held", false],
    ]);
  });

  it("tells the timeline how many injects came from which file, in words", () => {
    expect(describeEvent(imported, (c) => c)).toBe("2 inject(s) added to the MSEL from turn-plan.csv");
  });

  it("offers a template whose header is the gateway's columns and whose rows name the exercise's nations and turns ahead", () => {
    const lines = mselTemplate(["LET", "ARV"], 3, 12).trim().split("\r\n");
    expect(lines[0]).toBe(MSEL_COLUMNS.join(","));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain("economicShock,3,,,LET,");
    expect(lines[2]).toContain(",PT36H,,all,");
    expect(lines[3]).toContain(",,,tension LET/ARV above 60 or turn 4,ARV,");
    expect(lines[4]).toContain("cyberAttack,,,,ARV,");
  });
});
