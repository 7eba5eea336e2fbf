import { ApiError, exerciseRequest, type Session } from "./http";
import type { ExerciseSnapshot, NationIndices } from "./types";
import type { NegotiationPhase } from "./negotiationTypes";

/** The after-action review's API (gateway: src/Gateway/Api/ReviewEndpoints.cs). */

export interface ReviewPoint {
  sequence: number;
  turn: number;
  phase: string;
  at: string;
}

export interface ReviewMarker {
  sequence: number;
  turn: number;
  at: string;
  kind: "inject" | "decision" | "override";
  label: string;
}

export interface ReviewSeries {
  exerciseId: string;
  sequence: number;
  points: ReviewPoint[];
  nations: { nation: string; name: string; values: NationIndices[] }[];
  relations: { from: string; to: string; trust: number[]; tension: number[] }[];
  cohesion: { alliance: string; name: string; values: number[] }[];
  consultations: { alliance: string; consultationId: string; requestedBy: string; requestedAt: string; concludedAt: string | null; status: string; support: number; oppose: number; abstain: number; silent: string[] }[];
  decisions: { alliance: string; draftId: string; kind: string; tabledBy: string; tabledAt: string; decidedAt: string | null; minutesToDecide: number | null; status: string; votes: Record<string, string>; silent: string[] }[];
  freeRiders: { alliance: string; invocationId: string; at: string; freeRiders: string[] }[];
  orders: { turn: number; orders: Record<string, number>; missed: string[] }[];
  overrides: { sequence: number; turn: number; at: string; what: string; nation: string; reason: string }[];
  markers: ReviewMarker[];
  negotiations: NegotiationRecord[];
}

/** A negotiation phase: one definition, with the negotiation room's types. */
export type { NegotiationPhase };

/** A negotiation session as the review charts it (src/Grains.Interfaces/Review/NegotiationRecord.cs). */
export interface NegotiationRecord {
  session: string;
  title: string;
  parties: string[];
  mediator: string | null;
  secret: boolean;
  phases: { phase: NegotiationPhase; sequence: number; turn: number; at: string; reason: string }[];
  versions: { version: number; author: string; sequence: number; turn: number; at: string; clauses: number }[];
  signatures: { party: string; version: number; sequence: number; turn: number; at: string }[];
  breaches: { breachId: string; violator: string; clauseId: string; description: string; sequence: number; turn: number; at: string; ruledUnfounded: string | null }[];
}

export interface TurnSummary {
  turn: number;
  firstSequence: number;
  lastSequence: number;
  orders: { nation: string; orderId: string; action: string; target: string | null; success: boolean | null; outcome: string | null }[];
  happened: string[];
  changedMost: { nation: string; index: string; from: number; to: number }[];
  decisions: string[];
}

export interface ForkCreated {
  exerciseId: string;
  name: string;
  at: number;
  facilitatorCode: string;
}

const call = exerciseRequest;

export const reviewApi = {
  series: (s: Session) => call<ReviewSeries>(s, "GET", "/review/series"),
  turns: (s: Session) => call<TurnSummary[]>(s, "GET", "/review/turns"),
  replay: (s: Session, at: number, as: string) => call<ExerciseSnapshot>(s, "GET", `/replay?at=${at}&as=${encodeURIComponent(as)}`),
  fork: (s: Session, at: number, seed: number | null) => call<ForkCreated>(s, "POST", "/fork", { at, seed }),

  /** Downloads an export with the bearer token (a plain link could not send it) and hands it to the browser as a file. */
  async download(s: Session, file: "log.jsonl" | "events.csv" | "indices.csv"): Promise<void> {
    const response = await fetch(`/api/exercises/${encodeURIComponent(s.me.exerciseId)}/review/export/${file}`, { headers: { Authorization: `Bearer ${s.accessToken}` } });
    if (!response.ok) {
      throw new ApiError(response.status, { code: `http-${response.status}`, message: `The export failed (${response.status}).`, field: null, allowed: null });
    }

    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = `${s.me.exerciseId}-${file}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
