import { useState } from "react";
import type { InjectDefinition } from "../../api/types";

/** High impact: an armed attack (as its kind or as a trigger) puts an attack on record with the victim's alliances. */
export function isHighImpact(inject: InjectDefinition): boolean {
  return inject.kind === "armedAttack" || inject.triggers.some((t) => (t as { kind?: string } | null)?.kind === "armedAttack");
}

/** "Release", asking for confirmation first when the inject is high impact. */
export function ReleaseInjectButton({ inject, busy, release }: { inject: InjectDefinition; busy: boolean; release: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!isHighImpact(inject)) {
    return (
      <button type="button" className="small" disabled={busy} onClick={release}>
        Release
      </button>
    );
  }

  return confirming ? (
    <span role="alertdialog" aria-label={`Confirm releasing ${inject.title}`} className="confirm">
      <span className="hint">Armed attack: it goes on record with the victim's alliances and cannot be undone.</span>{" "}
      <button
        type="button"
        className="small danger"
        disabled={busy}
        onClick={() => {
          setConfirming(false);
          release();
        }}
      >
        Release the attack
      </button>{" "}
      <button type="button" className="small" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  ) : (
    <button type="button" className="small" disabled={busy} onClick={() => setConfirming(true)}>
      Release…
    </button>
  );
}
