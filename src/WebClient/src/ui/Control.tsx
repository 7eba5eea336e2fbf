import { AdHocInjectForm } from "./control/AdHocInjectForm";
import { AssignTeamForm } from "./control/AssignTeamForm";
import { BulkJoinCodes } from "./control/BulkJoinCodes";
import { JoinCodesTable } from "./control/JoinCodesTable";
import { MselImport } from "./control/MselImport";
import { MselTable } from "./control/MselTable";
import { OutcomesTable } from "./control/OutcomesTable";

// Exercise control's tabs, each a stack of small components from ./control (one per thing shown). A new tool is one
// import and one line in the tab it belongs to.

/** The scenario: the MSEL and its releases, then injects written on the spot. */
export function MselTab() {
  return (
    <div className="stack">
      <MselTable />
      <MselImport />
      <AdHocInjectForm />
    </div>
  );
}

/** What adjudication decided, with overrides. */
export function OutcomesTab() {
  return (
    <div className="stack">
      <OutcomesTable />
    </div>
  );
}

/** Who plays what: team assignment, join codes in bulk and one by one. */
export function JoinCodesTab() {
  return (
    <div className="stack">
      <AssignTeamForm />
      <BulkJoinCodes />
      <JoinCodesTable />
    </div>
  );
}
