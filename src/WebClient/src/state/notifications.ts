import type { RecordedEvent } from "../api/types";
import { describeProposal } from "./describe";
import { withNames } from "./withNames";

/**
 * What a team is notified of: things addressed to it that ask for its attention or tell it of a decision —
 * consultations, drafts, votes, deadlines, briefs, invocations. Its timeline holds only what it may see (the server
 * filters by the visibility policy), so alliance traffic here is its own alliances'. Its own acts (a vote it cast, a
 * draft it tabled) are not news to it. Public news is not repeated here (the news feed shows it), nor is each outcome
 * report and change to the nation (the messages feed shows them): results going out is one notification.
 */
const ALWAYS = new Set([
  "exercise.inject-briefed",
  "exercise.orders-missed",
  "exercise.consultation-prompted",
  "exercise.armed-attack-reported",
  "exercise.ended",
  "exercise.deadline-extended",
  "alliance.consultation-convened",
  "alliance.consultation-concluded",
  "alliance.draft-decided",
  "alliance.collective-defence-invoked",
  "alliance.member-admitted",
  "alliance.member-suspended",
  "alliance.member-withdrew",
  "alliance.pledge-fell-due",
]);

/** Acts of a member: news to the others, not to the member that acted. */
const BY_A_MEMBER = new Set([
  "alliance.consultation-requested",
  "alliance.draft-tabled",
  "alliance.vote-cast",
  "alliance.silence-broken",
  "alliance.withdrawal-notice-given",
  "alliance.intelligence-shared",
]);

/** Whether <paramref name="recorded"/> is something the team playing <paramref name="nation"/> should be told about. */
export function concernsTeam(recorded: RecordedEvent, nation: string): boolean {
  const e = recorded.event as Record<string, unknown>;
  if (ALWAYS.has(e.$type as string)) {
    return true;
  }

  if (BY_A_MEMBER.has(e.$type as string)) {
    return e.member !== nation;
  }

  // Orders open (the orders phase has a deadline to act by), and results are out (the turn's outcome reports).
  return e.$type === "exercise.phase-changed" && (e.phase === "orders" || e.phase === "results");
}

/** The team's notifications, newest first. */
export function notificationsFor(timeline: readonly RecordedEvent[], nation: string): RecordedEvent[] {
  return timeline.filter((e) => concernsTeam(e, nation)).reverse();
}

/** How many of them came after <paramref name="seenUpTo"/> (the team's own event numbers, which only grow). */
export function unreadCount(timeline: readonly RecordedEvent[], nation: string, seenUpTo: number): number {
  return timeline.filter((e) => e.sequence > seenUpTo && concernsTeam(e, nation)).length;
}

type Name = (code: string) => string;

/**
 * A notification in a sentence, without internal ids (drafts, consultations and pledges are named by what they are,
 * not by their keys). <paramref name="alliance"/> names an alliance by its code.
 */
export function describeNotification(recorded: RecordedEvent, name: Name, alliance: Name, fallback: (r: RecordedEvent) => string): string {
  const e = recorded.event as Record<string, any>;
  const where = recorded.stream.startsWith("alliance/") ? alliance(recorded.stream.slice("alliance/".length)) : "";
  switch (e.$type) {
    case "exercise.phase-changed":
      return e.phase === "results" ? `Turn ${e.turn}: results are out — see “Messages for your delegation”` : `Turn ${e.turn}: orders are open`;
    case "alliance.consultation-requested":
      return `${where}: ${name(e.member)} requested consultations${e.threat ? `: ${e.threat}` : ""}`;
    case "alliance.draft-tabled":
      return `${where}: ${name(e.member)} tabled a draft decision: ${describeProposal(e.proposal, name)}`;
    case "alliance.consultation-convened":
      return `${where}: consultations convened`;
    case "alliance.consultation-concluded":
      return `${where}: consultations concluded (support ${e.outcome?.support}, oppose ${e.outcome?.oppose}, abstain ${e.outcome?.abstain})`;
    case "alliance.vote-cast":
      return `${where}: ${name(e.member)} voted ${e.choice}`;
    case "alliance.silence-broken":
      return `${where}: ${name(e.member)} broke silence: ${e.reason}`;
    case "alliance.draft-decided":
      return `${where}: a draft decision ${e.result?.status}${e.result?.reason ? `: ${withNames(e.result.reason, name)}` : ""}`;
    case "exercise.consultation-prompted":
      return `${name(e.nation)} may wish to request consultations in ${alliance(e.alliance)}`;
    case "alliance.pledge-fell-due":
      return `${where}: ${name(e.member)}'s pledge fell due${e.shortfall ? ` (shortfall ${e.shortfall})` : ""}`;
    default:
      return fallback(recorded);
  }
}
