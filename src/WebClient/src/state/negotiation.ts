import type { Clause, ClauseKind, ConfidenceMeasure, NegotiationChannel, NegotiationPhase, NegotiationView } from "../api/negotiationTypes";

type Name = (code: string) => string;

export const PHASE_LABELS: Record<NegotiationPhase, string> = {
  convened: "Convened",
  openingStatements: "Opening statements",
  bargaining: "Bargaining",
  drafting: "Drafting",
  signature: "Signature",
  inForce: "In force",
  breached: "Breached",
  expired: "Expired",
  concluded: "Concluded",
  collapsed: "Collapsed",
};

/** The road to an agreement, in order; the phases after "in force" are where it ends up. */
export const PHASE_ROAD: NegotiationPhase[] = ["convened", "openingStatements", "bargaining", "drafting", "signature", "inForce"];

/** Phases in which a message may still be posted (docs/negotiations.md, "Phases"). */
export function talksOpen(phase: NegotiationPhase): boolean {
  return phase !== "expired" && phase !== "concluded" && phase !== "collapsed";
}

/** Phases in which the text may be tabled or amended. */
export function textOpen(phase: NegotiationPhase): boolean {
  return phase === "bargaining" || phase === "drafting" || phase === "signature";
}

/** Before the agreement binds: a party may still walk out. */
export function beforeForce(phase: NegotiationPhase): boolean {
  return PHASE_ROAD.indexOf(phase) >= 0 && phase !== "inForce";
}

export const CLAUSE_LABELS: Record<ClauseKind, string> = {
  ceasefire: "Ceasefire",
  humanitarianCorridor: "Humanitarian corridor",
  confidenceBuilding: "Confidence-building measure",
  withdrawalLine: "Withdrawal line",
  prisonerExchange: "Prisoner exchange",
  sanctionsRelief: "Sanctions relief",
  peacekeepingDeployment: "Peacekeeping deployment",
};

export const MEASURE_LABELS: Record<ConfidenceMeasure, string> = {
  armsLimits: "Arms limits (no mobilisation)",
  advanceNoticeOfExercises: "Advance notice of exercises",
  hotline: "Hotline",
  observersAtExercises: "Observers at exercises",
  diplomaticExchanges: "Diplomatic exchanges",
};

function list(codes: string[], name: Name): string {
  return codes.length === 0 ? "(no nations yet)" : codes.map(name).join(", ");
}

/** A clause in words, with nations' names (the server's ClauseText says the same with codes). */
export function describeClause(clause: Clause, name: Name): string {
  switch (clause.kind) {
    case "ceasefire":
      return `Ceasefire between ${list(clause.nations, name)}`;
    case "withdrawalLine":
      return `${name(clause.nation)} withdraws its forces from ${name(clause.from)}'s border and territory`;
    case "humanitarianCorridor":
      return `Humanitarian corridor through ${name(clause.nation)}`;
    case "prisonerExchange":
      return `Prisoner exchange between ${list(clause.nations, name)}`;
    case "peacekeepingDeployment":
      return `Peacekeeping deployment to ${name(clause.host)}${clause.alliance ? ` under a mandate of ${name(clause.alliance)}` : ""}`;
    case "sanctionsRelief":
      return `${name(clause.nation)} lifts its sanctions on ${name(clause.on)} within ${clause.withinTurns} turn${clause.withinTurns === 1 ? "" : "s"}`;
    case "confidenceBuilding":
      return `${MEASURE_LABELS[clause.measure]}: ${list(clause.nations, name)}`;
  }
}

/** A new clause of a kind with empty parameters, and an id not yet used in the text (ids name clauses across versions). */
export function newClause(kind: ClauseKind, taken: readonly Clause[]): Clause {
  const used = new Set(taken.map((c) => c.id));
  let id: string = kind;
  for (let n = 2; used.has(id); n++) {
    id = `${kind}-${n}`;
  }

  switch (kind) {
    case "ceasefire":
    case "prisonerExchange":
      return { kind, id, nations: [] };
    case "confidenceBuilding":
      return { kind, id, measure: "hotline", nations: [] };
    case "humanitarianCorridor":
      return { kind, id, nation: "" };
    case "withdrawalLine":
      return { kind, id, nation: "", from: "" };
    case "sanctionsRelief":
      return { kind, id, nation: "", on: "", withinTurns: 1 };
    case "peacekeepingDeployment":
      return { kind, id, host: "", alliance: null };
  }
}

/**
 * What a clause still lacks before it can be sent, in words (empty when complete). Only required fields: whether
 * the parameters are acceptable (parties' nations, a mandate) is the server's to decide.
 */
export function clauseGaps(clause: Clause): string[] {
  const label = CLAUSE_LABELS[clause.kind].toLowerCase();
  switch (clause.kind) {
    case "ceasefire":
    case "prisonerExchange":
      return clause.nations.length < 2 ? [`choose at least two nations for the ${label}`] : [];
    case "confidenceBuilding":
      return clause.nations.length < 1 ? ["choose the nations that undertake the measure"] : [];
    case "humanitarianCorridor":
      return clause.nation ? [] : ["choose the nation the corridor runs through"];
    case "withdrawalLine":
      return [...(clause.nation ? [] : ["choose the nation that withdraws"]), ...(clause.from ? [] : ["choose the nation it withdraws from"])];
    case "sanctionsRelief":
      return [
        ...(clause.nation ? [] : ["choose the nation that lifts sanctions"]),
        ...(clause.on ? [] : ["choose the nation the sanctions are on"]),
        ...(Number.isInteger(clause.withinTurns) && clause.withinTurns >= 1 ? [] : ["say within how many turns (1 or more)"]),
      ];
    case "peacekeepingDeployment":
      return clause.host ? [] : ["choose the host nation"];
  }
}

/** What a whole text lacks before it can be tabled. */
export function textGaps(clauses: readonly Clause[], durationTurns: string): string[] {
  const gaps = clauses.length === 0 ? ["add at least one clause"] : clauses.flatMap((c, i) => clauseGaps(c).map((g) => `clause ${i + 1}: ${g}`));
  if (durationTurns.trim() && !(Number.isInteger(Number(durationTurns)) && Number(durationTurns) >= 1 && Number(durationTurns) <= 50)) {
    gaps.push("the duration is a whole number of turns from 1 to 50 (or empty for no end)");
  }

  return gaps;
}

/** A channel's stable key (a backchannel's two parties in code order, as the server orders them). */
export function channelKey(channel: NegotiationChannel): string {
  switch (channel.kind) {
    case "plenary":
      return "plenary";
    case "caucus":
      return `caucus:${channel.party ?? ""}`;
    case "backchannel": {
      const [a, b] = [channel.party ?? "", channel.other ?? ""].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      return `backchannel:${a}:${b}`;
    }
  }
}

export function channelFromKey(key: string): NegotiationChannel {
  const [kind, party, other] = key.split(":");
  return kind === "caucus" ? { kind: "caucus", party } : kind === "backchannel" ? { kind: "backchannel", party, other } : { kind: "plenary" };
}

export function channelTitle(channel: NegotiationChannel, partyName: Name, mediator: string | null): string {
  switch (channel.kind) {
    case "plenary":
      return "Plenary";
    case "caucus":
      return `Caucus: ${mediator ? partyName(mediator) : "the mediator"} with ${partyName(channel.party ?? "")}`;
    case "backchannel":
      return `Backchannel: ${partyName(channel.party ?? "")} – ${partyName(channel.other ?? "")}`;
  }
}

/** The parties a nation acts for in these talks. */
export function partiesOf(view: NegotiationView, nation: string | null): string[] {
  return nation ? view.parties.filter((p) => p.nations.includes(nation)).map((p) => p.code) : [];
}

/**
 * The channels a nation may write in (docs/negotiations.md, "Channels"): plenary; a caucus of the mediator with each
 * party (the mediator) or with its own party; a backchannel with every other party (never the mediator).
 */
export function writableChannels(view: NegotiationView, nation: string | null): NegotiationChannel[] {
  if (!nation) {
    return [];
  }

  const mine = partiesOf(view, nation);
  const mediator = view.mediator === nation;
  if (!mediator && mine.length === 0) {
    return [];
  }

  const channels: NegotiationChannel[] = [{ kind: "plenary" }];
  if (view.mediator) {
    for (const p of view.parties) {
      if (mediator || mine.includes(p.code)) {
        channels.push({ kind: "caucus", party: p.code });
      }
    }
  }

  for (const own of mine) {
    for (const p of view.parties) {
      if (p.code !== own) {
        const channel: NegotiationChannel = { kind: "backchannel", party: own, other: p.code };
        if (!channels.some((c) => channelKey(c) === channelKey(channel))) {
          channels.push(channel);
        }
      }
    }
  }

  return channels;
}
