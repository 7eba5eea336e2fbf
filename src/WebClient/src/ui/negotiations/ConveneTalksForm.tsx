import { useState } from "react";
import { shortId } from "../../api/http";
import { Field, ProblemNote, useCommand, useExercise } from "../common";
import { ConveningCost } from "./ConveningCost";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";

/**
 * Convenes talks: a title, two or more parties (nations or alliances), an optional mediator that is not a party, and
 * whether the talks are secret. A team convenes as its own nation, which must be a party or the mediator (the server
 * says so otherwise) and pays action points for it; exercise control convenes any talks, free.
 */
export function ConveneTalksForm({ onConvened }: { onConvened: () => void }) {
  const { state } = useExercise();
  const command = useCommand();
  const own = state.viewer.role === "team" ? state.viewer.nation : null;
  const [title, setTitle] = useState("");
  const [parties, setParties] = useState<string[]>(own ? [own] : []);
  const [mediator, setMediator] = useState("");
  const [secret, setSecret] = useState(false);
  const candidates = [...state.nations.map((n) => ({ code: n.code, name: n.name })), ...state.alliances.map((a) => ({ code: a.code, name: `${a.name} (alliance)` }))];
  const gaps = [...(title.trim() ? [] : ["a title"]), ...(parties.length >= 2 ? [] : ["at least two parties"])];
  return (
    <form
      className="sub"
      aria-label="Convene talks"
      onSubmit={(e) => {
        e.preventDefault();
        void command
          .run(NEGOTIATION_COMMANDS.convene, { talks: { id: shortId("talks-"), title: title.trim(), parties, mediator: mediator || null, secret } })
          .then((reply) => reply?.accepted && onConvened());
      }}
    >
      <Field label="Title (required)">{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Talks on the border crossing" />}</Field>
      <fieldset className="field checks">
        <legend>Parties (at least two)</legend>
        {candidates.map((c) => (
          <label key={c.code} className="inline">
            <input
              type="checkbox"
              checked={parties.includes(c.code)}
              onChange={(e) => {
                setParties(e.target.checked ? [...parties, c.code] : parties.filter((p) => p !== c.code));
                if (e.target.checked && mediator === c.code) setMediator("");
              }}
            />
            {c.name}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <Field label="Mediator (optional)" hint="A nation that is not a party, often a neutral one.">
          {(id) => (
            <select id={id} value={mediator} onChange={(e) => setMediator(e.target.value)}>
              <option value="">— no mediator —</option>
              {state.nations
                .filter((n) => !parties.includes(n.code))
                .map((n) => (
                  <option key={n.code} value={n.code}>
                    {n.name}
                    {n.neutral ? " (neutral)" : ""}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <div className="field">
          <label className="inline">
            <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.target.checked)} /> Secret talks (only the parties, the mediator and exercise control know of them)
          </label>
        </div>
      </div>
      {own && <ConveningCost nation={own} />}
      {gaps.length > 0 && <p className="hint">Still needed: {gaps.join(", ")}.</p>}
      <button type="submit" className="primary" disabled={command.busy || gaps.length > 0}>
        Convene the talks
      </button>
      <ProblemNote problem={command.problem} />
    </form>
  );
}
