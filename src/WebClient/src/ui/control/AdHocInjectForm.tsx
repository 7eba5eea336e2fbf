import { useState, type FormEvent } from "react";
import { shortId } from "../../api/http";
import { Field, ProblemNote, useCommand, useExercise } from "../common";

const KINDS = [
  "borderIncident",
  "armedAttack",
  "cyberAttack",
  "terroristAttack",
  "disinformationCampaign",
  "refugeeFlow",
  "naturalDisaster",
  "economicShock",
  "leadershipChange",
  "humanitarianCrisis",
] as const;

const words = (kind: string) => kind.replace(/([A-Z])/g, " $1").toLowerCase().replace(/^./, (c) => c.toUpperCase());

/** Exercise control writes an inject during play: a private brief for its targets and, optionally, public news. */
export function AdHocInjectForm() {
  const { state } = useExercise();
  const { run, busy, problem } = useCommand();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<string>("borderIncident");
  const [target, setTarget] = useState("");
  const [brief, setBrief] = useState("");
  const [headline, setHeadline] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const ready = title.trim().length > 0 && (brief.trim().length > 0 || headline.trim().length > 0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const inject = {
      id: shortId("adhoc-").toLowerCase(),
      title: title.trim(),
      kind,
      schedule: { turn: null, at: null, when: null },
      targets: target ? { all: false, nations: [target], teams: [] } : { all: true, nations: [], teams: [] },
      effects: [],
      triggers: [],
      news: headline.trim() ? { headline: headline.trim(), body: brief.trim(), publicSupport: {} } : null,
      brief: brief.trim() || null,
    };
    const reply = await run("exercise.injectAdHoc", { inject });
    if (reply?.accepted) {
      setSent(inject.title);
      setTitle("");
      setBrief("");
      setHeadline("");
    }
  };
  return (
    <section className="panel" aria-labelledby="adhoc-title">
      <h2 id="adhoc-title">Write an ad hoc inject</h2>
      <form aria-label="Ad hoc inject" onSubmit={(e) => void submit(e)}>
        <div className="row">
          <Field label="Title (required)">{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
          <Field label="Kind">
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {words(k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Brief for">
            {(id) => (
              <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">Everyone</option>
                {state.nations.map((n) => (
                  <option key={n.code} value={n.code}>
                    {n.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Brief (private to its targets)">{(id) => <textarea id={id} value={brief} onChange={(e) => setBrief(e.target.value)} />}</Field>
        <Field label="Public news headline (optional)">{(id) => <input id={id} value={headline} onChange={(e) => setHeadline(e.target.value)} />}</Field>
        <button type="submit" className="primary" disabled={busy || !ready} title={ready ? undefined : "A title and a brief or a headline are needed."}>
          Release the inject now
        </button>
        <ProblemNote problem={problem} />
        {sent && !problem && (
          <div className="notice" role="status">
            Released: {sent}
          </div>
        )}
      </form>
    </section>
  );
}
