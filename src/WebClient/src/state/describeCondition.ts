/** A conditional inject's condition as the scenario stores it ("kind" discriminator, camelCase enums). */
export type Condition =
  | { kind: "allOf"; conditions: Condition[] }
  | { kind: "anyOf"; conditions: Condition[] }
  | { kind: "relation"; nationA: string; nationB: string; measure: "trust" | "tension"; comparison: "above" | "below"; value: number }
  | { kind: "index"; nation: string; index: string; comparison: "above" | "below"; value: number }
  | { kind: "turn"; atLeast: number };

const INDEX_WORDS: Record<string, string> = {
  militaryStrength: "military strength",
  readiness: "readiness",
  economy: "economy",
  domesticStability: "domestic stability",
  publicSupport: "public support",
  internationalStanding: "international standing",
};

/** The condition in words, e.g. "tension between Ardenia and Borovia above 70 and from turn 3 on". */
export function describeCondition(condition: unknown, name: (code: string) => string = (c) => c): string {
  const c = condition as Condition | null | undefined;
  if (!c || typeof c !== "object") return "a condition";
  switch (c.kind) {
    case "allOf":
      return c.conditions.map((x) => group(x, name)).join(" and ");
    case "anyOf":
      return c.conditions.map((x) => group(x, name)).join(" or ");
    case "relation":
      return `${c.measure} between ${name(c.nationA)} and ${name(c.nationB)} ${c.comparison} ${c.value}`;
    case "index":
      return `${name(c.nation)}'s ${INDEX_WORDS[c.index] ?? c.index} ${c.comparison} ${c.value}`;
    case "turn":
      return `from turn ${c.atLeast} on`;
    default:
      return "a condition";
  }
}

function group(c: Condition, name: (code: string) => string): string {
  const words = describeCondition(c, name);
  return c.kind === "allOf" || c.kind === "anyOf" ? `(${words})` : words;
}
