import type { NegotiationPhase, NegotiationRecord } from "../api/review";
import { PHASE_LABELS } from "./negotiation";

/** The review's words for each negotiation phase: the negotiation room's. */
export { PHASE_LABELS };

/** A phase held from event `from` until event `to`; `share` is its part of the charted range (0–1). */
export interface PhaseSegment {
  phase: NegotiationPhase;
  label: string;
  from: number;
  to: number;
  share: number;
  turn: number;
  reason: string;
}

/** A version tabled, a signature or a breach, at `position` (0–1) along the charted range. */
export interface TimelineMark {
  kind: "version" | "signature" | "breach";
  sequence: number;
  turn: number;
  position: number;
  label: string;
}

export interface NegotiationTimeline {
  session: string;
  title: string;
  who: string;
  segments: PhaseSegment[];
  marks: TimelineMark[];
  versions: number;
  signatures: number;
  breaches: number;
  breachesUpheld: number;
}

/**
 * One session's phases over the log's events `start`..`end` (the review's x axis), as contiguous segments, and its
 * versions, signatures and breaches as marks in event order. Pure, so it is tested without a browser.
 */
export function negotiationTimeline(record: NegotiationRecord, start: number, end: number): NegotiationTimeline {
  const span = Math.max(1, end - start);
  const at = (sequence: number) => Math.min(1, Math.max(0, (sequence - start) / span));
  const steps = [...record.phases].sort((a, b) => a.sequence - b.sequence);
  const segments = steps.map((step, i) => {
    const next = steps[i + 1];
    const to = next ? next.sequence : Math.max(end, step.sequence);
    return { phase: step.phase, label: PHASE_LABELS[step.phase] ?? step.phase, from: step.sequence, to, share: at(to) - at(step.sequence), turn: step.turn, reason: step.reason };
  });
  const marks: TimelineMark[] = [
    ...record.versions.map((v) => ({
      kind: "version" as const,
      sequence: v.sequence,
      turn: v.turn,
      position: at(v.sequence),
      label: `Version ${v.version} tabled by ${v.author} (${v.clauses} ${v.clauses === 1 ? "clause" : "clauses"})`,
    })),
    ...record.signatures.map((s) => ({ kind: "signature" as const, sequence: s.sequence, turn: s.turn, position: at(s.sequence), label: `${s.party} signed version ${s.version}` })),
    ...record.breaches.map((b) => ({
      kind: "breach" as const,
      sequence: b.sequence,
      turn: b.turn,
      position: at(b.sequence),
      label: `${b.violator} breached ${b.clauseId}: ${b.description}${b.ruledUnfounded ? ` (ruled unfounded: ${b.ruledUnfounded})` : ""}`,
    })),
  ].sort((a, b) => a.sequence - b.sequence);

  return {
    session: record.session,
    title: record.title,
    who: `${record.parties.join(", ")}${record.mediator ? `; mediator ${record.mediator}` : ""}${record.secret ? "; secret talks" : ""}`,
    segments,
    marks,
    versions: record.versions.length,
    signatures: record.signatures.length,
    breaches: record.breaches.length,
    breachesUpheld: record.breaches.filter((b) => b.ruledUnfounded === null).length,
  };
}
