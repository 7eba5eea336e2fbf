/** The counts the server computed the alliance's cohesion from (see docs/alliances.md for the weights). */
export interface CohesionCounts {
  index: number;
  divergence: number;
  silentMembers: number;
  failedDecisions: number;
  freeRiders: number;
  pledgeShortfall: number;
  passedDecisions: number;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Why cohesion stands where it does, in words: what lowered it and what raised it, from the counts the server sends
 * with the index (the weights stay on the server; members read the causes, not the formula). Empty when nothing moved it.
 */
export function cohesionCauses(c: CohesionCounts): string {
  const lowered: string[] = [];
  if (c.divergence > 0) lowered.push("divided positions in consultations");
  if (c.silentMembers > 0) lowered.push(`${count(c.silentMembers, "member", "members")} silent in consultations`);
  if (c.failedDecisions > 0) lowered.push(count(c.failedDecisions, "failed decision", "failed decisions"));
  if (c.freeRiders > 0) lowered.push(`${count(c.freeRiders, "member", "members")} giving no collective-defence response`);
  if (c.pledgeShortfall > 0) lowered.push(`pledges not delivered in full (${Math.round(c.pledgeShortfall * 100)}% outstanding)`);
  const raised = c.passedDecisions > 0 ? `raised by ${count(c.passedDecisions, "passed decision", "passed decisions")}` : "";
  const parts = [lowered.length > 0 ? `lowered by ${lowered.join(", ")}` : "", raised].filter(Boolean);
  return parts.join("; ");
}
