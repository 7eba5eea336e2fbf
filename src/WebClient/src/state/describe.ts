import type { DraftProposal, NationAction, NationDelta, NationIndex, RecordedEvent } from "../api/types";
import { describeAction } from "./actions";
import { describeNegotiationEvent } from "./negotiationEvents";
import { formatSimulated } from "./simulatedTime";

/** Readable names of the six indices. */
export const INDEX_LABELS: Record<NationIndex, string> = {
  militaryStrength: "Military strength",
  readiness: "Readiness",
  economy: "Economy",
  domesticStability: "Domestic stability",
  publicSupport: "Public support",
  internationalStanding: "International standing",
};

/** Short names for table headers. */
export const INDEX_SHORT: Record<NationIndex, string> = {
  militaryStrength: "Military",
  readiness: "Readiness",
  economy: "Economy",
  domesticStability: "Stability",
  publicSupport: "Support",
  internationalStanding: "Standing",
};

type Name = (code: string) => string;

/** "+5 readiness, −2 public support; trust in DRV −5, tension with DRV +10; mobilised" */
export function describeDelta(delta: NationDelta, name: Name = (c) => c): string {
  const parts: string[] = [];
  for (const [index, value] of Object.entries(delta.indices ?? {}) as [NationIndex, number][]) {
    if (value !== 0) {
      parts.push(`${signed(value)} ${INDEX_LABELS[index]?.toLowerCase() ?? index}`);
    }
  }

  for (const change of Object.values(delta.relations ?? {})) {
    if (change.trust !== 0) {
      parts.push(`trust in ${name(change.toward)} ${signed(change.trust)}`);
    }

    if (change.tension !== 0) {
      parts.push(`tension with ${name(change.toward)} ${signed(change.tension)}`);
    }
  }

  if (delta.posture) {
    if (delta.posture.mobilised != null) {
      parts.push(delta.posture.mobilised ? "mobilised" : "stood down");
    }

    if (delta.posture.area) {
      parts.push(delta.posture.area === "home" ? "forces home" : `forces to ${delta.posture.area}${delta.posture.facing ? ` (${name(delta.posture.facing)})` : ""}`);
    }
  }

  for (const s of delta.sanctionsImposed ?? []) {
    parts.push(`sanctions on ${name(s)}`);
  }

  for (const s of delta.sanctionsLifted ?? []) {
    parts.push(`sanctions on ${name(s)} lifted`);
  }

  return parts.length > 0 ? parts.join(", ") : "no change";
}

/**
 * A change to a nation, what moved and why, as its team reads it: "Tension with Dravenia +5 — after Dravenia's
 * mobilisation". The cause is worded by the server where the change was decided (and names another nation's act only
 * when the team may know who acted); a change recorded before causes were worded falls back to its summary.
 */
export function describeChange(change: { delta: NationDelta; because?: string | null; summary?: string | null }, name: Name = (c) => c): string {
  const moved = describeDelta(change.delta, name);
  const what = moved.charAt(0).toUpperCase() + moved.slice(1);
  const why = change.because ?? (change.summary ? String(change.summary).replace(/\.$/, "") : "");
  return why ? `${what} — ${why}` : what;
}

export function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : "0";
}

export function describeProposal(p: DraftProposal, name: Name = (c) => c): string {
  switch (p.kind) {
    case "collectiveDefence":
      return "Invoke collective defence in response to the armed attack on record";
    case "jointDeployment":
      return `Joint deployment to ${name(p.nation)}${p.area ? ` (${p.area})` : ""}`;
    case "collectiveStatement":
      return `Collective statement: “${p.text}”`;
    case "admission":
      return `Admit ${name(p.candidate)} as a member`;
    case "suspension":
      return `Suspend ${name(p.member)}`;
    default:
      return (p as { kind: string }).kind;
  }
}

function streamOwner(stream: string, name: Name): string {
  if (stream.startsWith("nation/")) {
    return name(stream.slice("nation/".length));
  }

  return stream.startsWith("alliance/") ? stream.slice("alliance/".length) : stream;
}

/** One readable line for any event; unknown types fall back to their type name. */
export function describeEvent(recorded: RecordedEvent, name: Name = (c) => c): string {
  const e = recorded.event as Record<string, any> & { $type: string };
  const who = streamOwner(recorded.stream, name);
  switch (e.$type) {
    case "exercise.created":
      return `Exercise “${e.name}” created from scenario ${e.scenario?.title ?? ""}`;
    case "exercise.team-assigned":
      return `${e.teamName} plays ${name(e.nation)}`;
    case "exercise.started":
      return "Exercise started";
    case "exercise.turn-started":
      return `Turn ${e.turn} began (simulated ${formatSimulated(e.simulatedStart)})`;
    case "exercise.phase-changed":
      return `Turn ${e.turn}: ${e.phase} phase${e.deadlineAt ? `, deadline ${formatClock(e.deadlineAt)}` : ""}`;
    case "exercise.deadline-extended":
      return `Deadline of the ${e.phase} phase extended by ${formatDuration(e.by)}`;
    case "exercise.paused":
      return "Exercise paused";
    case "exercise.resumed":
      return "Exercise resumed";
    case "exercise.ended":
      return `Exercise ended: ${e.reason}`;
    case "exercise.review-opened":
      return "After-action review opened";
    case "exercise.orders-missed":
      return `${name(e.nation)} gave no orders in turn ${e.turn}: it holds`;
    case "exercise.action-adjudicated":
      return `Adjudicated ${name(e.outcome.actor)}: ${describeAction(e.outcome.action as NationAction, name)} — ${e.outcome.success ? "success" : "failure"}`;
    case "exercise.outcome-reported":
      return `Outcome for ${name(e.nation)} (${e.success ? "success" : "failure"}): ${e.summary}`;
    case "exercise.adjudication-completed":
      return `Turn ${e.turn} adjudicated: ${e.outcomeCount} outcome(s)`;
    case "exercise.adjudication-held":
      return `Turn ${e.turn}: ${e.outcomeCount} outcome(s) held for exercise control's review`;
    case "exercise.outcome-reviewed":
      return `Outcome of ${name(e.actor)}'s order ${e.verdict === "approve" ? "approved" : e.verdict === "amend" ? "amended" : "voided"} by exercise control${e.rationale ? `: ${e.rationale}` : ""}`;
    case "exercise.results-released":
      return `Turn ${e.turn} results released (${e.approved} approved, ${e.amended} amended, ${e.voided} voided)`;
    case "exercise.adjudication-review-set":
      return e.enabled ? "Outcomes will be held for review before release" : "Outcomes will go out without review";
    case "exercise.outcome-overridden":
      return `An outcome was overridden: ${e.reason}`;
    case "exercise.nation-adjusted":
      return `${name(e.delta?.nation)} adjusted by exercise control (${describeDelta(e.delta, name)}): ${e.reason}`;
    case "exercise.inject-released":
      return `Inject released (${e.source}): ${e.inject?.title}`;
    case "exercise.inject-briefed":
      return `Brief: ${e.title}`;
    case "exercise.msel-rows-imported":
      return `${e.injects?.length ?? 0} inject(s) added to the MSEL from ${e.fileName}`;
    case "exercise.armed-attack-reported":
      return `Armed attack by ${name(e.attacker)} on ${name(e.victim)} on record`;
    case "exercise.consultation-prompted":
      return `${name(e.nation)} prompted to consider consultations in ${e.alliance}`;
    case "exercise.deliveries-completed":
      return `${(e.deliveryIds as unknown[]).length} change(s) delivered to nations and alliances`;
    case "news.published":
      return `News: ${e.headline}`;
    case "nation.initialized":
      return `${who} entered the exercise`;
    case "nation.orders-opened":
      return `${who}: orders open for turn ${e.turn} (${e.actionPoints} action points)`;
    case "nation.order-submitted":
      return `${who} ordered: ${describeAction(e.order.action as NationAction, name)} (${e.order.cost} AP)`;
    case "nation.action-points-spent":
      return `${who} spent ${e.points} action point${e.points === 1 ? "" : "s"} on ${e.for}`;
    case "nation.order-withdrawn":
      return `${who} withdrew an order`;
    case "nation.orders-closed":
      return `${who}: orders closed for turn ${e.turn} (${(e.orders as unknown[]).length} order(s))`;
    case "nation.changed":
      return `${who}: ${describeChange({ delta: e.delta, because: e.because, summary: e.summary }, name)}`;
    case "nation.posture-changed":
      return `${who}: forces ${e.posture.mobilised ? "mobilised" : "not mobilised"}, ${e.posture.area}${e.posture.facing ? ` (${name(e.posture.facing)})` : ""}; sanctions on ${(e.sanctioning as string[]).length ? (e.sanctioning as string[]).map(name).join(", ") : "no one"}`;
    case "access.join-code-issued":
      return `Join code “${e.label}” issued (${e.grant?.role}${e.grant?.nation ? ` ${name(e.grant.nation)}` : ""})`;
    case "access.join-code-revoked":
      return "A join code was revoked";
    case "access.join-code-redeemed":
      return "A participant joined with a join code";
    case "access.join-code-registered":
      return "Join code registered";
    case "catalog.exercise-listed":
      return `Exercise “${e.name}” listed`;
    case "catalog.exercise-status-changed":
      return `The exercise is listed as ${e.status}`;
    case "alliance.exercise-clock-followed":
      return `${who}: follows the exercise clock (${e.status}, turn ${e.turn}, ${e.phase} phase)`;
    case "alliance.initialized":
      return `${who}: alliance set up`;
    case "alliance.armed-attack-recorded":
      return `${who}: armed attack by ${name(e.attacker)} on ${name(e.victim)} on record`;
    case "alliance.consultation-requested":
      return `${who}: ${name(e.member)} requested consultations${e.threat ? `: ${e.threat}` : ""}`;
    case "alliance.consultation-convened":
      return `${who}: consultation convened${e.member ? ` by ${name(e.member)}` : e.by === "charterDeadline" ? " at the charter's deadline" : " by exercise control"}`;
    case "alliance.position-recorded":
      return `${who}: ${name(e.member)} recorded ${e.position}${e.text ? ` — “${e.text}”` : ""} in the consultation`;
    case "alliance.consultation-concluded":
      return `${who}: consultation concluded (support ${e.outcome?.support}, oppose ${e.outcome?.oppose}, abstain ${e.outcome?.abstain})`;
    case "alliance.member-admitted":
      return `${who}: ${name(e.nation)} admitted`;
    case "alliance.member-suspended":
      return `${who}: ${name(e.member)} suspended`;
    case "alliance.withdrawal-notice-given":
      return `${who}: ${name(e.member)} gave notice of withdrawal (effective ${formatInstant(e.effectiveAt)})`;
    case "alliance.member-withdrew":
      return `${who}: ${name(e.member)} withdrew`;
    case "alliance.collective-defence-invoked":
      return `${who}: collective defence invoked after ${name(e.attacker)}'s attack on ${name(e.victim)}`;
    case "alliance.defence-response-recorded":
      return `${who}: ${name(e.member)} responded (${e.kind}): ${e.description}`;
    case "alliance.defence-responses-closed":
      return `${who}: defence responses closed${(e.freeRiders as string[])?.length ? `; no response from ${(e.freeRiders as string[]).map(name).join(", ")}` : ""}`;
    case "alliance.resources-pledged":
      return `${who}: ${name(e.member)} pledged ${e.amount} ${e.resource}`;
    case "alliance.pledge-delivered":
      return `${who}: ${name(e.member)} delivered ${e.amount} against a pledge`;
    case "alliance.pledge-fell-due":
      return `${who}: a pledge of ${name(e.member)} fell due (shortfall ${e.shortfall})`;
    case "alliance.intelligence-shared":
      return `${who}: ${name(e.member)} shared intelligence: ${e.title}`;
    case "alliance.draft-tabled":
      return `${who}: ${name(e.member)} tabled “${describeProposal(e.proposal, name)}”`;
    case "alliance.vote-cast":
      return `${who}: ${name(e.member)} voted ${e.choice} on a draft`;
    case "alliance.silence-broken":
      return `${who}: ${name(e.member)} broke silence on a draft: ${e.reason}`;
    case "alliance.draft-withdrawn":
      return `${who}: a draft was withdrawn`;
    case "alliance.draft-decided":
      return `${who}: a draft ${e.result?.status}: ${e.result?.reason}`;
    default:
      // An event this client has no sentence for yet: its kind in words, never the wire key.
      return describeNegotiationEvent(e, recorded.stream.startsWith("negotiation/") ? "Talks" : who, name)
        ?? `${who}: ${String(e.$type).split(".").pop()!.replace(/-/g, " ")}`;
  }
}

/** Events addressed to a team in particular: briefs, outcome reports, missed orders, changes to its nation. */
export const PRIVATE_MESSAGE_TYPES = new Set([
  "exercise.inject-briefed",
  "exercise.outcome-reported",
  "exercise.orders-missed",
  "exercise.consultation-prompted",
  "nation.changed",
]);

export function formatInstant(iso: string | null | undefined): string {
  if (!iso) {
    return "—";
  }

  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";
}

export function formatClock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** ISO 8601 duration ("PT1H30M", "P1DT6H") to milliseconds; null when unreadable. */
export function parseDuration(iso: string | null | undefined): number | null {
  if (!iso) {
    return null;
  }

  const m = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) {
    return null;
  }

  const [, neg, d, h, min, s] = m;
  const ms = ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
  return neg ? -ms : ms;
}

/** Milliseconds to ISO 8601 ("PT10M"), as the server reads durations. */
export function toIsoDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}

/** "15 min", "30 h", "1 d 6 h": for durations people read, not countdowns. */
export function formatDuration(iso: string | null | undefined): string {
  const ms = parseDuration(iso);
  if (ms === null) {
    return iso ?? "—";
  }

  let rest = Math.round(Math.abs(ms) / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [["d", 86_400], ["h", 3600], ["min", 60], ["s", 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }

  return parts.length ? parts.join(" ") : "0 s";
}

/** "borderIncident" → "Border incident" */
export function humanize(camel: string): string {
  const words = camel.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1:05:09" or "4:59" */
export function formatMs(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
