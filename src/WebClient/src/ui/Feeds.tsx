import { useMemo, useState, type FormEvent } from "react";
import type { RecordedEvent } from "../api/types";
import { PRIVATE_MESSAGE_TYPES, describeChange } from "../state/describe";
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

/** How many news items a page adds: enough for a turn or two, few enough to keep the page light. */
export const NEWS_PAGE = 20;

/**
 * Public news, all of it, newest first: from exercise control, injects, adjudication and talks. The newest page is
 * shown in the page's own flow (a nested scroll box hid all but the first few items), "Show older news" adds pages,
 * and news older than the events the client holds (a snapshot carries the most recent ones) is fetched on request.
 */
export function NewsFeed() {
  const { state, live } = useExercise();
  const [shown, setShown] = useState(NEWS_PAGE);
  const [history, setHistory] = useState<"more" | "loading" | "complete" | "failed">("more");
  const all = useMemo(() => newestFirst(state.timeline.filter((e) => e.event.$type === "news.published")), [state.timeline]);
  const news = all.slice(0, shown);
  // A snapshot carries a viewer's last 200 events (ExerciseSnapshot.RecentEvents): a timeline that long may miss older news.
  const earlierUnknown = state.timeline.length >= 200 && (state.timeline[0]?.sequence ?? 1) > 1 && history !== "complete";
  const loadEarlier = async () => {
    setHistory("loading");
    try {
      setHistory((await live.loadEarlier()) === 0 ? "complete" : "more");
      setShown((n) => n + NEWS_PAGE);
    } catch {
      setHistory("failed");
    }
  };
  return (
    <section className="panel" aria-labelledby="news-title">
      <header>
        <h2 id="news-title">News</h2>
        {all.length > 0 && (
          <span className="hint" data-testid="news-count">
            {news.length < all.length ? `${news.length} of ${all.length}` : all.length} item{all.length === 1 ? "" : "s"}, newest first
          </span>
        )}
      </header>
      {all.length === 0 && !earlierUnknown ? (
        <p className="empty">No news yet.</p>
      ) : (
        <ul className="feed" data-testid="news" aria-label="News, newest first">
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
      <div className="actions">
        {all.length > shown && (
          <button type="button" className="small" data-testid="news-older" onClick={() => setShown(shown + NEWS_PAGE)}>
            Show older news ({all.length - shown} more)
          </button>
        )}
        {all.length <= shown && earlierUnknown && (
          <button type="button" className="small" disabled={history === "loading"} onClick={() => void loadEarlier()}>
            Look for earlier news
          </button>
        )}
        {history === "failed" && <span className="hint">Could not load earlier news; try again.</span>}
      </div>
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
