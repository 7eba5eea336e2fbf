import type { DecisionRule, Draft } from "../../api/types";
import { formatDuration, formatInstant } from "../../state/describe";

/**
 * Alliance commands as the gateway takes them: "alliance.<command>" with the alliance's code beside the command's
 * fields. A team acts as its own nation (the gateway fills in "member"); exercise control names the member it plays,
 * or none when it chairs (convening). The alliance grain enforces the charter and refuses the rest.
 */
export const ALLIANCE_COMMANDS = {
  requestConsultation: "alliance.requestConsultation",
  conveneConsultation: "alliance.conveneConsultation",
  recordPosition: "alliance.recordPosition",
  tableDraft: "alliance.tableDraft",
  castVote: "alliance.castVote",
  breakSilence: "alliance.breakSilence",
  withdrawDraft: "alliance.withdrawDraft",
  recordDefenceResponse: "alliance.recordDefenceResponse",
  giveWithdrawalNotice: "alliance.giveWithdrawalNotice",
  pledgeResources: "alliance.pledgeResources",
  recordPledgeDelivery: "alliance.recordPledgeDelivery",
  shareIntelligence: "alliance.shareIntelligence",
} as const;

/** Sends one alliance command with the alliance and acting member filled in. */
export type Send = (type: string, args: Record<string, unknown>) => Promise<unknown>;

function inPlayText(inPlay: NonNullable<DecisionRule["inPlay"]>): string {
  return inPlay.turns != null ? `${inPlay.turns} turn${inPlay.turns === 1 ? "" : "s"}` : `the end of the next ${inPlay.endOfNextPhase} phase`;
}

/** The kinds of decision a charter sets rules for, in words (the charter's keys are for the server). */
const DECISION_KIND: Record<string, string> = {
  default: "Decisions",
  collectiveDefence: "Invoking collective defence",
  jointDeployment: "Joint deployments",
  collectiveStatement: "Collective statements",
  admission: "Admitting a member",
  suspension: "Suspending a member",
};

export function decisionKindText(kind: string): string {
  return DECISION_KIND[kind] ?? kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export function ruleText(rule: DecisionRule): string {
  const kind = { consensus: "Consensus", unanimity: "Unanimity", qualifiedMajority: "Qualified majority", silenceProcedure: "Silence procedure" }[rule.kind] ?? rule.kind;
  const extra = [rule.threshold != null ? `threshold ${Math.round(rule.threshold * 100)}%` : null, rule.quorum != null ? `quorum ${Math.round(rule.quorum * 100)}%` : null]
    .filter(Boolean)
    .join(", ");
  return `${kind}${extra ? ` (${extra})` : ""}, decided within ${rule.inPlay ? inPlayText(rule.inPlay) : `${formatDuration(rule.deadline)} of play`}`;
}

/** When a draft is decided, on the exercise's clock when the charter counts in phases. */
export function draftDeadlineText(d: Draft): string {
  return d.dueAfter ? `at the end of turn ${d.dueAfter.turn}'s ${d.dueAfter.phase} phase` : formatInstant(d.deadline);
}
