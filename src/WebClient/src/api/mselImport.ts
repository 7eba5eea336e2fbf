import type { Session } from "./http";
import { newId } from "./http";
import type { InjectDefinition } from "./types";

/** One thing wrong with an uploaded MSEL file, where the facilitator finds it in the spreadsheet. */
export interface MselRowProblem {
  row: number;
  /** The column's header name; null when the problem is the whole row or file. */
  column: string | null;
  message: string;
  allowed: string | null;
  /** "Row 3, column turn: … Allowed: …" as the gateway words it. */
  text: string;
}

export type MselImportOutcome =
  | { ok: true; imported: number; injects: InjectDefinition[] }
  | { ok: false; message: string; problems: MselRowProblem[] };

/** The columns the gateway reads (MselCsvLoader.Columns); id, title and kind are required. */
export const MSEL_COLUMNS = ["id", "title", "kind", "turn", "time", "when", "targets", "brief", "newsHeadline", "newsBody"] as const;

/**
 * A template to start a spreadsheet from: the header and four example rows (by turn, by time, by condition, released by hand) that
 * name this exercise's own nations and a turn still ahead, so the file imports as it is.
 */
export function mselTemplate(nations: readonly string[], nextTurn: number, turnHours: number): string {
  const [first = "AAA", second = first] = nations;
  const rows = [
    MSEL_COLUMNS.join(","),
    `example-strike,Dock strike,economicShock,${nextTurn},,,${first},"Dockers walk out; ports close, trade halts.",Ports closed,Shipping is stuck at anchor.`,
    `example-quake,Earthquake,naturalDisaster,,PT${nextTurn * turnHours}H,,all,A strong earthquake hits the border region.,,`,
    `example-rally,Rally at the border,disinformationCampaign,,,tension ${first}/${second} above 60 or turn ${nextTurn + 1},${second},A rally calls the border unjust.,,`,
    `example-held,Cyber attack on the grid,cyberAttack,,,,${second},Your power grid is down in the capital.,,`,
  ];
  return rows.join("\r\n") + "\r\n";
}

/** Uploads a CSV file to the exercise's MSEL (exercise control only); each upload carries its own idempotency key. */
export async function importMsel(session: Session, file: File): Promise<MselImportOutcome> {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await fetch(`/api/exercises/${encodeURIComponent(session.me.exerciseId)}/msel`, {
    method: "POST",
    headers: { Authorization: `Bearer ${session.accessToken}`, Accept: "application/json", "Idempotency-Key": newId("msel-") },
    body: form,
  });
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON: keep the status line below
  }

  if (response.ok) {
    return { ok: true, imported: body.imported as number, injects: body.injects as InjectDefinition[] };
  }

  const problems = Array.isArray(body.problems) ? (body.problems as MselRowProblem[]) : [];
  const allowed = typeof body.allowed === "string" && body.allowed ? ` Allowed: ${body.allowed}.` : "";
  return {
    ok: false,
    message: ((body.detail as string) ?? `The gateway answered ${response.status} ${response.statusText}.`) + (problems.length ? "" : allowed),
    problems,
  };
}
