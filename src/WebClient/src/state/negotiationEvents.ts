import type { Breach, NegotiationChannel, NegotiationDefinitionLike, NegotiationPhase, TextVersion } from "../api/negotiationTypes";
import { PHASE_LABELS, channelTitle } from "./negotiation";

type Name = (code: string) => string;

/**
 * One readable line for a negotiation event (the timeline's), or null for other events. `talks` is the session
 * the event's stream belongs to ("negotiation/{id}"), named by its title where the viewer knows it.
 */
export function describeNegotiationEvent(e: Record<string, any> & { $type: string }, talks: string, name: Name): string | null {
  switch (e.$type) {
    case "exercise.negotiation-registered": {
      const d = e.definition as NegotiationDefinitionLike;
      return `Talks “${d.title}” registered (${d.parties.map((p) => name(p.code)).join(", ")}${d.mediator ? `; mediator ${name(d.mediator)}` : ""})`;
    }
    case "exercise.compliance-reviews-completed":
      return `Compliance reviews of turn ${e.turn} completed`;
    case "negotiation.convened": {
      const d = e.definition as NegotiationDefinitionLike;
      return `Talks “${d.title}” convened: ${d.parties.map((p) => name(p.code)).join(", ")}${d.mediator ? `, mediated by ${name(d.mediator)}` : ""}${d.secret ? " (secret)" : ""}`;
    }
    case "negotiation.invitation-answered":
      return `${talks}: ${name(e.party)} ${e.accepted ? "accepted" : `declined (${e.reason ?? ""})`}`;
    case "negotiation.phase-changed":
      return `${talks}: now ${PHASE_LABELS[e.phase as NegotiationPhase] ?? e.phase} — ${e.reason}`;
    case "negotiation.opening-statement-made":
      return `${talks}: opening statement of ${name(e.party)}`;
    case "negotiation.message-posted":
      return `${talks}: ${name(e.by)} wrote in ${channelTitle(e.channel as NegotiationChannel, name, null).replace(/^Caucus: the mediator/, "the caucus")}`;
    case "negotiation.text-proposed": {
      const v = e.version as TextVersion;
      return `${talks}: version ${v.number} tabled by ${name(v.author)} (${v.clauses.length} clause${v.clauses.length === 1 ? "" : "s"})`;
    }
    case "negotiation.text-signed":
      return `${talks}: ${name(e.party)} signed version ${e.version}`;
    case "negotiation.agreement-in-force":
      return `${talks}: agreement in force (version ${e.version})`;
    case "negotiation.mandate-ruled":
      return `${talks}: peacekeeping in ${name(e.host)} given a mandate — ${e.reason}`;
    case "negotiation.breach-reported": {
      const b = e.breach as Breach;
      return `${talks}: breach by ${name(b.violator)} in turn ${b.turn} — ${b.description}`;
    }
    case "negotiation.breach-ruled-unfounded":
      return `${talks}: a breach was ruled unfounded — ${e.reason}`;
    case "negotiation.measure-kept":
      return `${talks}: ${name(e.kept?.nation)} kept a measure — ${e.kept?.description}`;
    case "negotiation.compliance-reviewed":
      return `${talks}: turn ${e.turn} checked against the agreement (${e.turnsServed} turn(s) in force)`;
    case "negotiation.collapsed":
      return `${talks}: collapsed — ${name(e.party)}: ${e.reason}`;
    case "negotiation.agreement-ended":
      return `${talks}: agreement ${PHASE_LABELS[e.outcome as NegotiationPhase]?.toLowerCase() ?? e.outcome} — ${e.reason}`;
    case "negotiation.changes-delivered":
      return `${talks}: changes delivered to the nations`;
    default:
      return null;
  }
}
