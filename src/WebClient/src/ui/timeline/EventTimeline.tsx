import { useMemo, useState } from "react";
import type { RecordedEvent } from "../../api/types";
import { groupByExerciseTime, isBookkeeping } from "../../state/controlTimeline";
import { describeEvent, formatClock } from "../../state/describe";
import { exerciseTimes, formatExerciseTime } from "../../state/exerciseTime";
import { Field, useExercise } from "../common";

function audienceTag(e: RecordedEvent): string {
  return e.audience.kind === "nations" ? `to ${e.audience.nations.join(", ")}` : e.audience.kind;
}

/**
 * Every event this viewer may see, one readable line each, newest first, under headings on the exercise's own clock
 * (turn, phase, simulated time); each line keeps the room's time. The engine's bookkeeping (deliveries, clock
 * follow-ups, join codes, order housekeeping, copies sent to teams) is hidden unless asked for, so exercise control
 * reads what happened in play.
 */
export function EventTimeline() {
  const { state, name, live } = useExercise();
  const [filter, setFilter] = useState("");
  const [bookkeeping, setBookkeeping] = useState(false);
  const [shown, setShown] = useState(200);
  const [history, setHistory] = useState<"more" | "loading" | "complete" | "failed">("more");
  const oldest = state.timeline[0]?.sequence ?? 1;
  const loadEarlier = async () => {
    setHistory("loading");
    try {
      const added = await live.loadEarlier();
      setShown((n) => n + added);
      setHistory(added === 0 ? "complete" : "more");
    } catch {
      setHistory("failed");
    }
  };
  const lines = useMemo(
    () => [...state.timeline].reverse().map((e) => ({ e, text: describeEvent(e, name), bookkeeping: isBookkeeping(e) })),
    [state.timeline, name],
  );
  const times = useMemo(() => exerciseTimes(state.timeline, state.exercise), [state.timeline, state.exercise]);
  const hidden = bookkeeping ? 0 : lines.filter((l) => l.bookkeeping).length;
  const needle = filter.trim().toLowerCase();
  const matches = (l: (typeof lines)[number]) => !needle || l.text.toLowerCase().includes(needle) || l.e.event.$type.includes(needle);
  const visible = lines.filter((l) => (bookkeeping || !l.bookkeeping) && matches(l));
  const groups = groupByExerciseTime(visible.slice(0, shown), times);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <header>
        <h2 id="timeline-title">Event timeline</h2>
        <span className="hint" data-testid="timeline-count">
          {visible.length} of {state.timeline.length} events, newest first
        </span>
      </header>
      <div className="row">
        <Field label="Filter">
          {(id) => <input id={id} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. news, Ardenia, adjudicated" />}
        </Field>
        <label className="inline check">
          <input type="checkbox" checked={bookkeeping} onChange={(e) => setBookkeeping(e.target.checked)} data-testid="timeline-bookkeeping" />
          {`Show deliveries and bookkeeping${hidden > 0 ? ` (${hidden} hidden)` : ""}`}
        </label>
      </div>
      <div data-testid="timeline">
        {groups.map((g) => (
          <section key={`${g.key}:${g.entries[0]!.e.sequence}`} className="timeline-group" aria-label={formatExerciseTime(g.time)}>
            <h3 className="timeline-when" data-testid="timeline-when">
              {formatExerciseTime(g.time)}
            </h3>
            <ul className="feed timeline">
              {g.entries.map(({ e, text, bookkeeping: quiet }) => (
                <li key={e.sequence} data-type={e.event.$type} className={quiet ? "bookkeeping" : undefined}>
                  <span className="seq">#{e.sequence}</span>
                  <span className="meta">
                    <span title="Room time (when it was recorded)">{formatClock(e.recordedAt)}</span>
                    <span className="tag">{audienceTag(e)}</span>
                  </span>
                  <span>{text}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="actions">
        {visible.length > shown && (
          <button type="button" onClick={() => setShown(shown + 200)}>
            Show older events
          </button>
        )}
        {visible.length <= shown && oldest > 1 && history !== "complete" && (
          <button type="button" disabled={history === "loading"} onClick={() => void loadEarlier()}>
            Load events before #{oldest}
          </button>
        )}
        {history === "failed" && <span className="hint">Could not load earlier events; try again.</span>}
      </div>
    </section>
  );
}
