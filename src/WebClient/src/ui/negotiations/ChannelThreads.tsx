import { useState } from "react";
import { shortId } from "../../api/http";
import type { NegotiationMessage, NegotiationTableView, NegotiationView } from "../../api/negotiationTypes";
import { formatClock } from "../../state/describe";
import { channelFromKey, channelKey, channelTitle, talksOpen, writableChannels } from "../../state/negotiation";
import { Field, ProblemNote, useExercise } from "../common";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";
import type { NegotiationActor } from "./useNegotiationActor";
import { usePartyName } from "./usePartyName";
import { useSessionCommand } from "./useSessionCommand";

const ORDER = { plenary: 0, caucus: 1, backchannel: 2 } as const;

/**
 * The channels as threads: every channel with messages this viewer was shown (the server already filtered them by
 * audience) and every channel the acting nation may write in. Writing goes to the selected thread.
 */
export function ChannelThreads({ view, table, actor }: { view: NegotiationView; table: NegotiationTableView; actor: NegotiationActor }) {
  const { name } = useExercise();
  const partyName = usePartyName();
  const { send, busy, problem } = useSessionCommand(view.id, actor.actor, actor.isControl);
  const writable = actor.mayAct && talksOpen(view.phase) ? writableChannels(view, actor.actor) : [];
  const writableKeys = new Set(writable.map(channelKey));
  const byKey = new Map<string, NegotiationMessage[]>();
  for (const key of ["plenary", ...writableKeys]) byKey.set(key, []);
  for (const m of table.messages) {
    const key = channelKey(m.channel);
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
  }

  const keys = [...byKey.keys()].sort((a, b) => ORDER[channelFromKey(a).kind] - ORDER[channelFromKey(b).kind] || a.localeCompare(b));
  const [selected, setSelected] = useState("plenary");
  const current = byKey.has(selected) ? selected : "plenary";
  const messages = byKey.get(current) ?? [];
  const [text, setText] = useState("");
  const title = (key: string) => channelTitle(channelFromKey(key), partyName, view.mediator);
  return (
    <section className="threads" aria-label="Channels">
      <h4>Channels</h4>
      <div className="thread-list" role="tablist" aria-label="Channels of these talks">
        {keys.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            className="small"
            aria-selected={key === current}
            data-channel={key.split(":")[0]}
            onClick={() => setSelected(key)}
          >
            {title(key)} <span className="count">{byKey.get(key)!.length}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={title(current)} data-testid="thread" data-channel={channelFromKey(current).kind}>
        {channelFromKey(current).kind === "backchannel" && <p className="hint">Private to these two parties: not their allies, not the mediator.</p>}
        {channelFromKey(current).kind === "caucus" && <p className="hint">The mediator and this party only.</p>}
        {messages.length === 0 ? (
          <p className="empty">No messages in this channel yet.</p>
        ) : (
          <ul className="feed scroll thread">
            {messages.map((m) => (
              <li key={m.messageId} data-testid="negotiation-message">
                <div className="meta">
                  <strong>{name(m.author)}</strong>
                  {m.author === view.mediator && <span className="tag">mediator</span>}
                  <span>{formatClock(m.at)}</span>
                </div>
                <p className="body">{m.text}</p>
              </li>
            ))}
          </ul>
        )}
        {writableKeys.has(current) && (
          <form
            className="composer"
            aria-label={`Write in ${title(current)}`}
            onSubmit={(e) => {
              e.preventDefault();
              void send(NEGOTIATION_COMMANDS.post, { messageId: shortId("m-"), channel: channelFromKey(current), text: text.trim() }).then((ok) => ok && setText(""));
            }}
          >
            <Field label="Message (required)">{(id) => <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} />}</Field>
            <button type="submit" className="primary" disabled={busy || !text.trim()} title={text.trim() ? undefined : "Write the message first."}>
              Send to {title(current).replace(/:.*/, "").toLowerCase()}
            </button>
          </form>
        )}
        <ProblemNote problem={problem} />
      </div>
    </section>
  );
}
