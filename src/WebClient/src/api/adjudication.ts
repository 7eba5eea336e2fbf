import { ApiError, type Session } from "./http";
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

export async function fetchAdjudicationQueue(session: Session): Promise<AdjudicationQueue> {
  const response = await fetch(`/api/exercises/${encodeURIComponent(session.me.exerciseId)}/adjudication`, {
    headers: { Authorization: `Bearer ${session.accessToken}`, Accept: "application/json" },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Record<string, string | null>;
    throw new ApiError(response.status, {
      code: problem.code ?? `http-${response.status}`,
      message: problem.detail ?? `${response.status} ${response.statusText}`,
      field: problem.field ?? null,
      allowed: problem.allowed ?? null,
    });
  }

  return (await response.json()) as AdjudicationQueue;
}
