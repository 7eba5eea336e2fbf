import { exerciseRequest, type Session } from "./http";
import type { Outcome, OutcomeEffect } from "./types";

/** Exercise control's adjudication review queue (gateway: src/Gateway/Api/AdjudicationEndpoints.cs). */

export type OutcomeVerdict = "approve" | "amend" | "void";

export interface HeldOutcome {
  outcome: Outcome;
  verdict: OutcomeVerdict | null;
  rationale: string | null;
  releasedEffects: OutcomeEffect[] | null;
}

export interface AdjudicationQueue {
  reviewEnabled: boolean;
  /** The turn whose outcomes are held; null when nothing is held. */
  turn: number | null;
  pending: number;
  outcomes: HeldOutcome[];
}

export function fetchAdjudicationQueue(session: Session): Promise<AdjudicationQueue> {
  return exerciseRequest<AdjudicationQueue>(session, "GET", "/adjudication");
}
