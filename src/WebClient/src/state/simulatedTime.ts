/**
 * Simulated time as the scenario states it. A scenario's clock starts at a date and time with an offset
 * (`clock.start: 2032-10-14T05:00:00+02:00`); the server keeps that offset on every simulated time it sends, so the
 * exercise's times read in the scenario's own local time, labelled with the offset ("UTC+02:00"), never in the
 * browser's zone and never silently in UTC. A fixed offset, not a named zone: an exercise world has no daylight saving.
 */

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** The offset (minutes east of UTC) an ISO 8601 date and time is written in; null when it names none. */
export function offsetOf(iso: string | null | undefined): number | null {
  const m = iso ? OFFSET.exec(iso.trim()) : null;
  if (!m) {
    return null;
  }

  const text = m[1]!.toUpperCase();
  if (text === "Z") {
    return 0;
  }

  const digits = text.replace(":", "");
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith("-") ? -minutes : minutes;
}

/** "UTC", "UTC+02:00", "UTC−03:30". */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) {
    return "UTC";
  }

  const abs = Math.abs(minutes);
  const two = (n: number) => String(n).padStart(2, "0");
  return `UTC${minutes > 0 ? "+" : "−"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** An instant written in the given offset, as the server would ("2031-03-01T08:00:00+02:00"). */
export function atOffset(ms: number, minutes: number): string {
  const local = new Date(ms + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "");
  if (minutes === 0) {
    return `${local}Z`;
  }

  const abs = Math.abs(minutes);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${local}${minutes > 0 ? "+" : "-"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "14 Oct 2032, 05:00 UTC+02:00": the simulated time in the offset it is written in (UTC when it names none). */
export function formatSimulated(iso: string | null | undefined): string {
  if (!iso) {
    return "—";
  }

  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    return iso;
  }

  const minutes = offsetOf(iso) ?? 0;
  const local = new Date(ms + minutes * 60_000).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });
  return `${local} ${offsetLabel(minutes)}`;
}
