import { useState } from "react";
import type { JoinCodeInfo } from "../../api/types";

/** "Revoke", then "Confirm revoke" / "Keep": revoking disconnects everyone who joined with the code. */
export function RevokeCodeButton({ code, busy, revoke }: { code: JoinCodeInfo; busy: boolean; revoke: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  return confirming ? (
    <span className="actions">
      <button
        type="button"
        className="small danger"
        disabled={busy}
        onClick={async () => {
          await revoke();
          setConfirming(false);
        }}
      >
        Confirm revoke
      </button>
      <button type="button" className="small" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </span>
  ) : (
    <button type="button" className="small" onClick={() => setConfirming(true)} aria-label={`Revoke ${code.label}`}>
      Revoke
    </button>
  );
}
