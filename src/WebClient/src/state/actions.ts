import type { ActionKind, NationAction } from "../api/types";

/**
 * What each order costs in action points, as the server's ActionCatalog has it, shown to players before they submit.
 * The server charges the cost and refuses what a nation cannot afford; this table only informs.
 */
export const ACTION_COSTS: Record<ActionKind, number> = {
  publicStatement: 1,
  mobilise: 2,
  standDown: 1,
  deployForces: 2,
  jointExercise: 2,
  imposeSanctions: 2,
  liftSanctions: 1,
  humanitarianAid: 1,
  shareIntelligence: 1,
  cyberOperation: 2,
  hold: 0,
  jointDeployment: 2,
  collectiveStatement: 1,
};

export const ACTION_LABELS: Record<ActionKind, string> = {
  publicStatement: "Public statement",
  mobilise: "Mobilise forces",
  standDown: "Stand down forces",
  deployForces: "Deploy forces",
  jointExercise: "Joint exercise",
  imposeSanctions: "Impose sanctions",
  liftSanctions: "Lift sanctions",
  humanitarianAid: "Humanitarian aid",
  shareIntelligence: "Share intelligence with one nation",
  cyberOperation: "Cyber operation",
  hold: "Hold (do nothing)",
  jointDeployment: "Joint deployment (alliance)",
  collectiveStatement: "Collective statement (alliance)",
};

export const ACTION_KINDS = Object.keys(ACTION_COSTS) as ActionKind[];

/** The fields an order of each kind needs, so the form shows only those. */
export type ActionField = "tone" | "text" | "toward" | "area" | "nation" | "partner" | "announced" | "recipient" | "alliance";

export const ACTION_FIELDS: Record<ActionKind, ActionField[]> = {
  publicStatement: ["tone", "text", "toward"],
  mobilise: [],
  standDown: [],
  deployForces: ["area", "nation"],
  jointExercise: ["partner", "announced"],
  imposeSanctions: ["nation"],
  liftSanctions: ["nation"],
  humanitarianAid: ["recipient"],
  shareIntelligence: ["recipient"],
  cyberOperation: ["nation"],
  hold: [],
  jointDeployment: ["alliance", "nation"],
  collectiveStatement: ["alliance", "text"],
};

export interface OrderDraft {
  kind: ActionKind;
  tone: "conciliatory" | "firm" | "hostile";
  text: string;
  toward: string;
  area: "home" | "border" | "ally";
  nation: string;
  partner: string;
  announced: boolean;
  recipient: string;
  alliance: string;
}

export function emptyDraft(kind: ActionKind = "publicStatement"): OrderDraft {
  return { kind, tone: "conciliatory", text: "", toward: "", area: "border", nation: "", partner: "", announced: true, recipient: "", alliance: "" };
}

/** The action as the server reads it. Empty optional fields are sent as null; required ones as typed (the server judges). */
export function toAction(d: OrderDraft): NationAction {
  switch (d.kind) {
    case "publicStatement":
      return { kind: "publicStatement", tone: d.tone, text: d.text, toward: d.toward || null };
    case "mobilise":
      return { kind: "mobilise" };
    case "standDown":
      return { kind: "standDown" };
    case "deployForces":
      return { kind: "deployForces", area: d.area, nation: d.nation || null };
    case "jointExercise":
      return { kind: "jointExercise", partner: d.partner, announced: d.announced };
    case "imposeSanctions":
      return { kind: "imposeSanctions", nation: d.nation };
    case "liftSanctions":
      return { kind: "liftSanctions", nation: d.nation };
    case "humanitarianAid":
      return { kind: "humanitarianAid", recipient: d.recipient };
    case "shareIntelligence":
      return { kind: "shareIntelligence", recipient: d.recipient };
    case "cyberOperation":
      return { kind: "cyberOperation", nation: d.nation };
    case "hold":
      return { kind: "hold" };
    case "jointDeployment":
      return { kind: "jointDeployment", alliance: d.alliance, nation: d.nation };
    case "collectiveStatement":
      return { kind: "collectiveStatement", alliance: d.alliance, text: d.text };
  }
}

/** One line for an order, in the words of the server's ActionCatalog.Describe. */
export function describeAction(a: NationAction, name: (code: string) => string = (c) => c): string {
  switch (a.kind) {
    case "publicStatement": {
      const tone = a.tone.charAt(0).toUpperCase() + a.tone.slice(1);
      return a.toward ? `${tone} public statement toward ${name(a.toward)}: “${a.text}”` : `${tone} public statement: “${a.text}”`;
    }
    case "mobilise":
      return "Mobilise forces";
    case "standDown":
      return "Stand down forces";
    case "deployForces":
      return a.area === "home"
        ? "Return forces to home garrisons"
        : a.area === "border"
          ? `Deploy forces to the border facing ${name(a.nation ?? "?")}`
          : `Deploy forces to ${name(a.nation ?? "?")}`;
    case "jointExercise":
      return `${a.announced ? "Announced" : "Unannounced"} joint exercise with ${name(a.partner)}`;
    case "imposeSanctions":
      return `Impose sanctions on ${name(a.nation)}`;
    case "liftSanctions":
      return `Lift sanctions on ${name(a.nation)}`;
    case "humanitarianAid":
      return `Humanitarian aid to ${name(a.recipient)}`;
    case "shareIntelligence":
      return `Share intelligence with ${name(a.recipient)}`;
    case "cyberOperation":
      return `Cyber operation against ${name(a.nation)}`;
    case "hold":
      return "Hold";
    case "jointDeployment":
      return `Joint deployment of ${a.alliance} to ${name(a.nation)}`;
    case "collectiveStatement":
      return `Collective statement of ${a.alliance}: “${a.text}”`;
    default:
      return (a as { kind: string }).kind;
  }
}
