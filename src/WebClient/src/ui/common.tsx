import { createContext, useCallback, useContext, useEffect, useId, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Session } from "../api/http";
import type { CommandProblem, CommandReply, NationIndices } from "../api/types";
import { NATION_INDICES } from "../api/types";
import type { ExerciseLive } from "../live/liveConnection";
import type { ClientState } from "../state/project";
import { INDEX_LABELS } from "../state/describe";

export interface ExerciseContextValue {
  state: ClientState;
  live: ExerciseLive;
  session: Session;
  /** A nation's name by its code (the code itself when unknown). */
  name: (code: string) => string;
}

export const ExerciseContext = createContext<ExerciseContextValue | null>(null);

export function useExercise(): ExerciseContextValue {
  const value = useContext(ExerciseContext);
  if (!value) {
    throw new Error("useExercise outside an exercise");
  }

  return value;
}

/**
 * Runs commands for one form and keeps the server's refusal to show next to it. The client never pre-judges a
 * command: what the rules refuse comes back as a problem with the field and the allowed values.
 */
export function useCommand() {
  const { live } = useExercise();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CommandProblem | null>(null);
  const run = useCallback(
    async (type: string, args?: unknown): Promise<CommandReply | null> => {
      setBusy(true);
      setProblem(null);
      try {
        const reply = await live.send(type, args);
        if (!reply.accepted) {
          setProblem(reply.problem ?? { code: "refused", message: "The command was refused.", field: null, allowed: null });
        }

        return reply;
      } catch (error) {
        setProblem({
          code: "unreachable",
          message: `The gateway did not answer: ${error instanceof Error ? error.message : String(error)}. Nothing was changed; try again.`,
          field: null,
          allowed: null,
        });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [live],
  );
  return { run, busy, problem, clear: () => setProblem(null) };
}

export function ProblemNote({ problem }: { problem: CommandProblem | null }) {
  if (!problem) {
    return null;
  }

  return (
    <div className="problem" role="alert" data-testid="problem" data-code={problem.code}>
      <strong>{problem.message}</strong>
      {(problem.field || problem.allowed) && (
        <dl>
          {problem.field && (
            <>
              <dt>Field</dt>
              <dd>
                <code data-testid="problem-field">{problem.field}</code>
              </dd>
            </>
          )}
          {problem.allowed && (
            <>
              <dt>Allowed</dt>
              <dd data-testid="problem-allowed">{problem.allowed}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

/** Whether a refusal names this form field (the server says "action.nation", "args.reason", "headline", …). */
export function fieldHit(problem: CommandProblem | null, ...names: string[]): boolean {
  if (!problem?.field) {
    return false;
  }

  const f = problem.field.replace(/^args\./, "");
  return names.some((n) => f === n || f.endsWith(`.${n}`));
}

export function Field(props: { label: string; children: (id: string) => ReactNode; invalid?: boolean; hint?: string }) {
  const id = useId();
  return (
    <div className={`field${props.invalid ? " invalid" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id)}
      {props.hint && <div className="hint">{props.hint}</div>}
    </div>
  );
}

export function IndexBars({ indices, label }: { indices: NationIndices; label: string }) {
  return (
    <div className="bars" role="list" aria-label={label} data-testid="indices">
      {NATION_INDICES.map((index) => {
        const value = indices[index];
        const level = value < 30 ? "low" : value < 50 ? "mid" : "";
        return (
          <div key={index} role="listitem" style={{ display: "contents" }} data-index={index}>
            <span className="name" id={`idx-${index}`}>
              {INDEX_LABELS[index]}
            </span>
            <div className={`bar ${level}`} role="meter" aria-labelledby={`idx-${index}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
              <span style={{ width: `${value}%` }} />
            </div>
            <span className="value" data-testid={`index-${index}`}>
              {value}
            </span>
          </div>
        );
      })}
    </div>
  );
}

export function Tabs(props: { label: string; tabs: { id: string; title: string; render: () => ReactNode }[]; initial?: string }) {
  const [selected, setSelected] = useState(props.initial ?? props.tabs[0]?.id);
  const active = props.tabs.find((t) => t.id === selected) ?? props.tabs[0];
  const onKey = (event: KeyboardEvent, index: number) => {
    const delta = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (delta) {
      const next = props.tabs[(index + delta + props.tabs.length) % props.tabs.length]!;
      setSelected(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  };
  return (
    <div>
      <div role="tablist" aria-label={props.label}>
        {props.tabs.map((t, i) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={t.id === active?.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === active?.id ? 0 : -1}
            onClick={() => setSelected(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.title}
          </button>
        ))}
      </div>
      {active && (
        <div role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
          {active.render()}
        </div>
      )}
    </div>
  );
}

/** Re-renders every second (countdowns). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Plain-http LAN pages have no clipboard API: fall back to a selected textarea.
      const area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }

    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" className="small" onClick={() => void copy()}>
      {copied ? "Copied" : label}
    </button>
  );
}
