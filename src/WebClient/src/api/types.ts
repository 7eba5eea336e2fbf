// The gateway's JSON shapes: C# records serialised camelCase, enums as camelCase strings, durations as ISO 8601
// ("PT15M"), events carrying "$type" and nation actions "kind". Only what the client reads is typed; the server's
// records (src/Grains/**) are the source of truth.
import type { NegotiationView } from "./negotiationTypes";

export type Role = "facilitator" | "team" | "observer" | "system";
export type ExerciseStatus = "notCreated" | "draft" | "running" | "paused" | "ended";
export type TurnPhase = "planning" | "orders" | "adjudication" | "results";
export type IsoDuration = string;
export type IsoInstant = string;

export interface Participant {
  role: Role;
  nation: string | null;
  fullView: boolean;
}

export interface ExerciseEntry {
  exerciseId: string;
  name: string;
  scenarioId: string;
  scenarioTitle: string;
  createdAt: IsoInstant;
  status: ExerciseStatus;
  turn: number;
  phase: TurnPhase;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  description: string;
  nations: number;
  alliances: number;
  injects: number;
  maxTurns: number | null;
}

export interface TeamAssignment {
  teamId: string;
  teamName: string;
  nation: string;
}

export interface InjectEffect {
  nation: string;
  indices: Partial<Record<NationIndex, number>>;
  relations: { toward: string; trust: number; tension: number }[];
}

export interface InjectDefinition {
  id: string;
  title: string;
  kind: string;
  schedule: { turn: number | null; at: IsoDuration | null; when: unknown; isManual: boolean };
  targets: { all: boolean; nations: string[]; teams: string[] };
  effects: InjectEffect[];
  triggers: unknown[];
  news: { headline: string; body: string; publicSupport?: Record<string, number> | null } | null;
  brief: string | null;
}

export interface MselEntry {
  inject: InjectDefinition;
  released: boolean;
}

export interface RelationChange {
  toward: string;
  trust: number;
  tension: number;
}

export interface PostureChange {
  mobilised: boolean | null;
  area: DeploymentArea | null;
  facing: string | null;
}

export interface NationDelta {
  nation: string;
  indices: Partial<Record<NationIndex, number>>;
  relations: Record<string, RelationChange>;
  posture?: PostureChange | null;
  sanctionsImposed?: string[] | null;
  sanctionsLifted?: string[] | null;
}

export interface OutcomeEffect {
  delta: NationDelta;
  summary: string;
  /** Why, in the words the affected nation's team reads (absent on outcomes recorded before causes were worded). */
  because?: string | null;
}

export interface Outcome {
  outcomeId: string;
  turn: number;
  actor: string;
  orderId: string;
  action: NationAction;
  success: boolean;
  summary: string;
  rolls: number[];
  effects: OutcomeEffect[];
  report: { headline: string; body: string } | null;
}

export interface ExerciseControlView {
  msel: MselEntry[];
  seed: number;
  draws: number;
  outcomes: Outcome[];
  pendingDeliveries: number;
}

export interface ExerciseView {
  exerciseId: string;
  name: string;
  scenarioId: string;
  scenarioTitle: string;
  scenarioDescription: string;
  status: ExerciseStatus;
  turn: number;
  maxTurns: number | null;
  phase: TurnPhase;
  deadlineAt: IsoInstant | null;
  pausedRemaining: IsoDuration | null;
  simulatedTime: IsoInstant | null;
  turnDuration: IsoDuration;
  teams: TeamAssignment[];
  reviewOpen: boolean;
  endReason: string | null;
  control: ExerciseControlView | null;
}

export const NATION_INDICES = [
  "militaryStrength",
  "readiness",
  "economy",
  "domesticStability",
  "publicSupport",
  "internationalStanding",
] as const;
export type NationIndex = (typeof NATION_INDICES)[number];
export type NationIndices = Record<NationIndex, number>;

export type DeploymentArea = "home" | "border" | "ally";

export interface ForcePosture {
  mobilised: boolean;
  area: DeploymentArea;
  facing: string | null;
}

export interface Relation {
  trust: number;
  tension: number;
}

export type StatementTone = "conciliatory" | "firm" | "hostile";

/** A nation's order, by "kind" (src/Grains/Nations/NationAction.cs). */
export type NationAction =
  | { kind: "publicStatement"; tone: StatementTone; text: string; toward?: string | null }
  | { kind: "mobilise" }
  | { kind: "standDown" }
  | { kind: "deployForces"; area: DeploymentArea; nation?: string | null }
  | { kind: "jointExercise"; partner: string; announced: boolean }
  | { kind: "imposeSanctions"; nation: string }
  | { kind: "liftSanctions"; nation: string }
  | { kind: "humanitarianAid"; recipient: string }
  | { kind: "shareIntelligence"; recipient: string }
  | { kind: "cyberOperation"; nation: string }
  | { kind: "hold" }
  | { kind: "jointDeployment"; alliance: string; nation: string }
  | { kind: "collectiveStatement"; alliance: string; text: string };

export type ActionKind = NationAction["kind"];

export interface Order {
  orderId: string;
  turn: number;
  action: NationAction;
  cost: number;
}

export interface NationPrivateView {
  indices: NationIndices;
  relations: Record<string, Relation>;
  actionPointsPerTurn: number;
  actionPoints: number;
  ordersTurn: number;
  ordersOpen: boolean;
  orders: Order[];
}

export interface NationView {
  code: string;
  name: string;
  control: string;
  neutral: boolean;
  posture: ForcePosture;
  sanctioning: string[];
  private: NationPrivateView | null;
}

export type AllianceType = "bilateral" | "multilateral" | "regionalPartnership";

export interface CharterArticle {
  id: string;
  kind: string;
  title: string;
  text: string;
}

export interface DecisionRule {
  kind: "consensus" | "unanimity" | "qualifiedMajority" | "silenceProcedure";
  deadline: IsoDuration;
  threshold: number | null;
  weights: Record<string, number> | null;
  quorum: number | null;
  /** A deadline counted on the exercise's clock ("2 turns", "end of next orders phase") instead of real time. */
  inPlay?: { turns: number | null; endOfNextPhase: TurnPhase | null } | null;
}

export interface Charter {
  articles: CharterArticle[];
  consultation: { conveneWithin: IsoDuration; positionsDueWithin: IsoDuration };
  decisionRules: Record<string, DecisionRule>;
  withdrawalNotice: IsoDuration;
}

export type PositionKind = "support" | "oppose" | "abstain" | "statement";
export type VoteChoice = "yes" | "no" | "abstain";

export interface Consultation {
  id: string;
  requestedBy: string;
  injectId: string | null;
  threat: string | null;
  requestedAt: IsoInstant;
  conveneBy: IsoInstant;
  notified: string[];
  status: "requested" | "convened" | "concluded";
  convenedBy: string | null;
  convenedByMember: string | null;
  convenedAt: IsoInstant | null;
  positionsDue: IsoInstant | null;
  positions: Record<string, { member: string; kind: PositionKind; text: string | null; at: IsoInstant }>;
  outcome: { at: IsoInstant; early: boolean; support: number; oppose: number; abstain: number; statements: number; silent: string[] } | null;
}

export type DraftProposal =
  | { kind: "collectiveDefence"; attackId: string }
  | { kind: "jointDeployment"; nation: string; area?: string | null }
  | { kind: "collectiveStatement"; text: string }
  | { kind: "admission"; candidate: string }
  | { kind: "suspension"; member: string };

export interface Draft {
  id: string;
  proposal: DraftProposal;
  tabledBy: string;
  rule: DecisionRule;
  ruleNote: string;
  tabledAt: IsoInstant;
  deadline: IsoInstant;
  status: "open" | "passed" | "failed" | "withdrawn";
  votes: Record<string, { member: string; choice: VoteChoice; reason: string | null; at: IsoInstant }>;
  silenceBreak: { member: string; reason: string; at: IsoInstant } | null;
  result: { status: string; at: IsoInstant; reason: string } | null;
  withdrawnAt: IsoInstant | null;
  /** Set when the deadline is counted in phases: decided once the exercise moves past the end of this phase. */
  dueAfter?: { turn: number; phase: TurnPhase } | null;
}

export interface DefenceInvocation {
  id: string;
  attackId: string;
  attacker: string;
  victim: string;
  invokedAt: IsoInstant;
  responsesDue: IsoInstant;
  owing: string[];
  responses: Record<string, { member: string; kind: string; description: string; at: IsoInstant }>;
  closed: boolean;
  closedAt: IsoInstant | null;
  freeRiders: string[];
}

export interface Pledge {
  id: string;
  member: string;
  resource: string;
  amount: number;
  delivered: number;
  pledgedAt: IsoInstant;
  dueBy: IsoInstant;
  fellDue: boolean;
}

export interface AllianceMemberView {
  charter: Charter;
  suspended: string[];
  withdrawals: { member: string; reason: string | null; givenAt: IsoInstant; effectiveAt: IsoInstant }[];
  formerMembers: string[];
  attacks: { attackId: string; attacker: string; victim: string; injectId: string }[];
  consultations: Consultation[];
  drafts: Draft[];
  collectiveDefence: DefenceInvocation[];
  pledges: Pledge[];
  intelligence: { id: string; member: string; title: string; body: string; about: string | null; at: IsoInstant }[];
  cohesion: {
    index: number;
    divergence: number;
    silentMembers: number;
    failedDecisions: number;
    freeRiders: number;
    pledgeShortfall: number;
    passedDecisions: number;
  };
  /** The exercise clock as the alliance follows it: its deadlines are play time (wall time minus pauses). */
  clock?: AllianceClock | null;
}

export interface AllianceClock {
  status: ExerciseStatus | null;
  turn: number;
  phase: TurnPhase;
  /** The wall-clock instant of the current pause, if paused. */
  pausedAt: IsoInstant | null;
  /** The total of the pauses that are over. */
  paused: IsoDuration;
  changedAt: IsoInstant | null;
}

export interface AllianceView {
  code: string;
  name: string;
  type: AllianceType;
  members: string[];
  member: AllianceMemberView | null;
}

export interface DomainEvent {
  $type: string;
  [field: string]: unknown;
}

export interface RecordedEvent {
  exerciseId: string;
  /**
   * This viewer's own number for the event: the n-th event it may see (exercise control's numbers are the log's).
   * Batches' from/to, snapshots' sequence and Resync's watermark use the same numbering (README, "The live protocol").
   */
  sequence: number;
  stream: string;
  /** 0 unless the viewer has the full view: a stream's count would tell about events it may not see. */
  streamVersion: number;
  recordedAt: IsoInstant;
  /** null unless the viewer has the full view. */
  commandId: string | null;
  audience: { kind: "public" | "control" | "nations"; nations: string[] };
  event: DomainEvent;
}

export interface ExerciseSnapshot {
  exerciseId: string;
  sequence: number;
  viewer: Participant;
  exercise: ExerciseView;
  nations: NationView[];
  alliances: AllianceView[];
  recent: RecordedEvent[];
  /** The negotiation sessions this viewer may know of (absent from older gateways). */
  negotiations?: NegotiationView[];
}

export interface EventBatch {
  exerciseId: string;
  from: number;
  to: number;
  events: RecordedEvent[];
}

export interface JoinReply {
  snapshot: ExerciseSnapshot;
}

export interface ResyncReply {
  batch: EventBatch | null;
  snapshot: ExerciseSnapshot | null;
}

export interface CommandProblem {
  code: string;
  message: string;
  field: string | null;
  allowed: string | null;
}

export interface CommandReply {
  accepted: boolean;
  duplicate: boolean;
  firstSequence: number | null;
  lastSequence: number | null;
  output: string | null;
  problem: CommandProblem | null;
}

export interface CommandEnvelope {
  commandId: string;
  type: string;
  args?: unknown;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface Me {
  exerciseId: string;
  role: Role;
  nation: string | null;
  codeId: string;
}

export interface JoinCodeInfo {
  codeId: string;
  grant: { role: Role; nation: string | null };
  label: string;
  revoked: boolean;
  redemptions: number;
}

export interface CreatedExercise {
  exerciseId: string;
  name: string;
  facilitatorCode: string;
}
