/** One code on the sheet: who it is for and how to join with it. */
export interface SheetEntry {
  label: string;
  role: string;
  code: string;
  link: string;
}

/**
 * The printable join-code sheet: one card per code (who it is for, the code, the link), cut along the dashed lines
 * and handed out. When printing, only the sheet goes on paper (styles.css, @media print).
 */
export function JoinCodeSheet({ exercise, entries }: { exercise: string; entries: SheetEntry[] }) {
  return (
    <div className="join-sheet" data-testid="join-sheet">
      <p className="sheet-title">
        <strong>{exercise}</strong>: join codes
      </p>
      <div className="code-cards">
        {entries.map((e) => (
          <div key={e.code} className="code-card" data-testid="code-card">
            <div className="card-label">{e.label}</div>
            <div className="hint">{e.role}</div>
            <div className="secret mono" data-testid="card-code">
              {e.code}
            </div>
            <div className="mono card-link" data-testid="card-link">
              {e.link}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
