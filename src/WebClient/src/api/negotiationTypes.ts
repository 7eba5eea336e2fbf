// Negotiation sessions as the gateway sends them (src/Grains.Interfaces/Negotiations, camelCase, enums as camelCase
// strings, clauses carrying "kind"). Only what the negotiation room reads is typed.
import type { IsoInstant, NationDelta } from "./types";

export type NegotiationPhase =
  | "convened"
  | "openingStatements"
  | "bargaining"
  | "drafting"
  | "signature"
  | "inForce"
  | "breached"
  | "expired"
  | "concluded"
  | "collapsed";

export interface NegotiationParty {
  code: string;
  kind: "nation" | "alliance";
  /** The nations that act for the party (an alliance's members when the talks were convened). */
  nations: string[];
}

export type ChannelKind = "plenary" | "caucus" | "backchannel";

export interface NegotiationChannel {
  kind: ChannelKind;
  party?: string | null;
  other?: string | null;
}

export type ConfidenceMeasure = "armsLimits" | "advanceNoticeOfExercises" | "hotline" | "observersAtExercises" | "diplomaticExchanges";

export type Clause =
  | { kind: "ceasefire"; id: string; nations: string[] }
  | { kind: "withdrawalLine"; id: string; nation: string; from: string }
  | { kind: "humanitarianCorridor"; id: string; nation: string }
  | { kind: "prisonerExchange"; id: string; nations: string[] }
  | { kind: "peacekeepingDeployment"; id: string; host: string; alliance?: string | null }
  | { kind: "sanctionsRelief"; id: string; nation: string; on: string; withinTurns: number }
  | { kind: "confidenceBuilding"; id: string; measure: ConfidenceMeasure; nations: string[] };

export type ClauseKind = Clause["kind"];

export interface ClauseChange {
  clauseId: string;
  change: "added" | "changed" | "removed";
  before: string | null;
  after: string | null;
}

export interface TextVersion {
  number: number;
  author: string;
  at: IsoInstant;
  clauses: Clause[];
  durationTurns: number | null;
  note: string | null;
  changes: ClauseChange[];
}

export interface NegotiationMessage {
  messageId: string;
  channel: NegotiationChannel;
  author: string;
  text: string;
  at: IsoInstant;
}

export interface InvitationResponse {
  party: string;
  by: string;
  accepted: boolean;
  reason: string | null;
  at: IsoInstant;
}

export interface OpeningStatement {
  party: string;
  by: string;
  text: string;
  at: IsoInstant;
}

export interface Signature {
  party: string;
  by: string;
  version: number;
  decisionId: string | null;
  at: IsoInstant;
}

export interface Breach {
  breachId: string;
  turn: number;
  clauseId: string;
  violator: string;
  orderId: string | null;
  description: string;
  status: "reported" | "unfounded";
  rulingReason: string | null;
  effects: NationDelta[];
}

export interface MeasureKept {
  turn: number;
  clauseId: string;
  nation: string;
  orderId: string;
  description: string;
}

export interface NegotiationTableView {
  responses: InvitationResponse[];
  openingStatements: OpeningStatement[];
  messages: NegotiationMessage[];
  versions: TextVersion[];
  signatures: Signature[];
  mandates: { host: string; reason: string; at: IsoInstant }[];
  breaches: Breach[];
  measuresKept: MeasureKept[];
  turnsServed: number;
  endReason: string | null;
}

/** A session as this viewer sees it: its working ("table") only for the parties' nations, the mediator and control. */
export interface NegotiationView {
  id: string;
  title: string;
  parties: NegotiationParty[];
  mediator: string | null;
  secret: boolean;
  phase: NegotiationPhase;
  agreement: TextVersion | null;
  table: NegotiationTableView | null;
}

/** A session's definition as events carry it (exercise.negotiation-registered, negotiation.convened). */
export interface NegotiationDefinitionLike {
  id: string;
  title: string;
  parties: NegotiationParty[];
  mediator: string | null;
  secret: boolean;
}
