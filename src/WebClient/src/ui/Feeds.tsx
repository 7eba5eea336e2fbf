import { useMemo, useState, type FormEvent } from "react";
import type { RecordedEvent } from "../api/types";
import { PRIVATE_MESSAGE_TYPES, describeChange, describeEvent, formatClock } from "../state/describe";
import { Field, ProblemNote, fieldHit, useCommand, useExercise } from "./common";
import { ExerciseTimeStamp } from "./ExerciseTimeStamp";

function newestFirst(events: RecordedEvent[]): RecordedEvent[] {
  return [...events].reverse();
}

/**
 * Who a news item comes from, in words. The server records "exercise control", "adjudication", "inject <id>" or
 * "negotiation <title>"; an inject's id is exercise control's bookkeeping, so teams read "Scenario event" instead.
 */
export function newsSource(source: string): string {
  if (source === "adjudication") return "Turn results";
  if (source === "exercise control") return "Exercise control";
  if (source.startsWith("inject ")) return "Scenario event";
  if (source.startsWith("negotiation ")) return `Talks: ${source.slice("negotiation ".length)}`;
  return source;
}

/** Public news: from exercise control, injects and adjudication. */
export function NewsFeed({ limit = 50 }: { limit?: number }) {
  const { state } = useExercise();
  const news = useMemo(() => newestFirst(state.timeline.filter((e) => e.event.$type === "news.published")).slice(0, limit), [state.timeline, limit]);
  return (
    <section className="panel" aria-labelledby="news-title">
      <h2 id="news-title">News</h2>
      {news.length === 0 ? (
        <p className="empty">No news yet.</p>
      ) : (
        <ul className="feed scroll" data-testid="news">
          {news.map((e) => {
            const n = e.event as unknown as { headline: string; body: string; source: string };
            return (
              <li key={e.sequence} data-testid="news-item">
                <div className="meta">
                  <ExerciseTimeStamp event={e} />
                  <span className="tag">{newsSource(n.source)}</span>
                </div>
                <div className="headline">{n.headline}</div>
                {n.body && <p className="body">{n.body}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const MESSAGE_KIND: Record<string, { kind: string; title: string }> = {
  "exercise.inject-briefed": { kind: "brief", title: "Brief" },
  "exercise.outcome-reported": { kind: "outcome", title: "Outcome report" },
  "exercise.orders-missed": { kind: "missed", title: "Orders missed" },
  "exercise.consultation-prompted": { kind: "prompt", title: "Consultation prompt" },
  "nation.changed": { kind: "change", title: "Change to your nation" },
};

/** What is addressed to this team in particular: briefs, outcome reports, missed orders, changes to the nation. */
export function MessagesFeed() {
  const { state, name } = useExercise();
  const messages = useMemo(() => newestFirst(state.timeline.filter((e) => PRIVATE_MESSAGE_TYPES.has(e.event.$type))), [state.timeline]);
  return (
    <section className="panel" aria-labelledby="messages-title">
      <h2 id="messages-title">Messages for your delegation</h2>
      {messages.length === 0 ? (
        <p className="empty">Nothing yet. Briefs, outcome reports and changes to your nation appear here.</p>
      ) : (
        <ul className="feed scroll" data-testid="messages">
          {messages.map((e) => {
            const kind = MESSAGE_KIND[e.event.$type]!;
            const ev = e.event as Record<string, any>;
            let title = kind.title;
            let body: string;
            switch (e.event.$type) {
              case "exercise.inject-briefed":
                title = `Brief: ${ev.title}`;
                body = ev.brief ?? "";
                break;
              case "exercise.outcome-reported":
                title = `Outcome report (turn ${ev.turn}): ${ev.success ? "success" : "failure"}`;
                body = ev.summary;
                break;
              case "exercise.orders-missed":
                body = `No orders were given in turn ${ev.turn}; your nation held.`;
                break;
              case "exercise.consultation-prompted":
                body = `Consider requesting consultations in ${ev.alliance}.`;
                break;
              default:
                title = ev.summary ?? "";
                body = describeChange({ delta: ev.delta, because: ev.because }, name);
            }

            return (
              <li key={e.sequence} className="msg" data-kind={kind.kind} data-testid={`message-${kind.kind}`}>
                <div className="meta">
                  <ExerciseTimeStamp event={e} />
                  <span className="tag">{kind.title}</span>
                </div>
                {title && <div className="headline">{title}</div>}
                {body && <p className="body">{body}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function audienceTag(e: RecordedEvent): string {
  return e.audience.kind === "nations" ? `to ${e.audience.nations.join(", ")}` : e.audience.kind;
}

/** Every event this viewer may see, one readable line each. */
export function Timeline() {
  const { state, name, live } = useExercise();
  const [filter, setFilter] = useState("");
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
    () => newestFirst(state.timeline).map((e) => ({ e, text: describeEvent(e, name) })),
    [state.timeline, name],
  );
  const needle = filter.trim().toLowerCase();
  const visible = needle ? lines.filter((l) => l.text.toLowerCase().includes(needle) || l.e.event.$type.includes(needle)) : lines;
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <header>
        <h2 id="timeline-title">Event timeline</h2>
        <span className="hint">{state.timeline.length} events, newest first</span>
      </header>
      <Field label="Filter">{(id) => <input id={id} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. news, LET, adjudicated" />}</Field>
      <ul className="feed timeline" data-testid="timeline">
        {visible.slice(0, shown).map(({ e, text }) => (
          <li key={e.sequence} data-type={e.event.$type}>
            <span className="seq">#{e.sequence}</span>
            <span className="meta">
              <span>{formatClock(e.recordedAt)}</span>
              <span className="tag">{audienceTag(e)}</span>
            </span>
            <span title={e.event.$type}>{text}</span>
          </li>
        ))}
      </ul>
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

/** Exercise control publishes ad hoc news; optional public-support shifts per nation. */
export function NewsComposer() {
  const { state } = useExercise();
  const { run, busy, problem } = useCommand();
  const [headline, setHeadline] = useState("");
  const [body, setBody] = useState("");
  const [support, setSupport] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const shifts = Object.fromEntries(
      Object.entries(support)
        .filter(([, v]) => v.trim() !== "" && Number(v) !== 0)
        .map(([k, v]) => [k, Number(v)]),
    );
    const reply = await run("exercise.publishNews", { headline, body, publicSupport: Object.keys(shifts).length ? shifts : null });
    if (reply?.accepted) {
      setSent(headline);
      setHeadline("");
      setBody("");
      setSupport({});
    }
  };
  return (
    <section className="panel" aria-labelledby="compose-title">
      <h2 id="compose-title">Publish news</h2>
      <form onSubmit={(e) => void submit(e)}>
        <Field label="Headline" invalid={fieldHit(problem, "headline")}>
          {(id) => <input id={id} value={headline} onChange={(e) => setHeadline(e.target.value)} />}
        </Field>
        <Field label="Body" invalid={fieldHit(problem, "body")}>
          {(id) => <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        <details>
          <summary>Move public support (optional)</summary>
          <div className="row">
            {state.nations.map((n) => (
              <Field key={n.code} label={n.name} invalid={fieldHit(problem, `publicSupport.${n.code}`)}>
                {(id) => (
                  <input
                    id={id}
                    type="number"
                    value={support[n.code] ?? ""}
                    onChange={(e) => setSupport({ ...support, [n.code]: e.target.value })}
                    placeholder="0"
                  />
                )}
              </Field>
            ))}
          </div>
        </details>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Publish to everyone
          </button>
          {sent && !problem && <span className="hint">Published “{sent}”.</span>}
        </div>
        <ProblemNote problem={problem} />
      </form>
    </section>
  );
}
