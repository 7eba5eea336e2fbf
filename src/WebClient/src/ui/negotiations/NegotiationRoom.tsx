import type { NegotiationView } from "../../api/negotiationTypes";
import { PHASE_LABELS } from "../../state/negotiation";
import { useExercise } from "../common";
import { AgreementText } from "./AgreementText";
import { BreachList } from "./BreachList";
import { ChannelThreads } from "./ChannelThreads";
import { ConcludeForm } from "./ConcludeForm";
import { InvitationAnswers } from "./InvitationAnswers";
import { MandateForm } from "./MandateForm";
import { NegotiatingText } from "./NegotiatingText";
import { OpeningStatements } from "./OpeningStatements";
import { PhaseTrack } from "./PhaseTrack";
import { usePartyName } from "./usePartyName";
import { useNegotiationActor } from "./useNegotiationActor";
import { WalkOutForm } from "./WalkOutForm";

/** One session: who takes part, its phase, and — for those at the table — channels, the text, signatures, breaches. */
export function NegotiationRoom({ view }: { view: NegotiationView }) {
  const { name } = useExercise();
  const partyName = usePartyName();
  const actor = useNegotiationActor(view);
  const table = view.table;
  const ended = view.phase === "collapsed" || view.phase === "expired" || view.phase === "concluded";
  return (
    <article className="negotiation" aria-labelledby={`talks-${view.id}`} data-negotiation={view.id}>
      <header>
        <h3 id={`talks-${view.id}`}>{view.title}</h3>
        <span className={`tag ${view.phase === "inForce" ? "ok" : view.phase === "breached" || view.phase === "collapsed" ? "bad" : "accent"}`} data-testid="negotiation-phase">
          {PHASE_LABELS[view.phase]}
        </span>
        {view.secret && <span className="tag warn">Secret talks</span>}
      </header>
      <p className="hint" data-testid="negotiation-parties">
        Parties: {view.parties.map((p) => partyName(p.code)).join(", ")}. {view.mediator ? `Mediator: ${name(view.mediator)}.` : "No mediator."}
      </p>
      <PhaseTrack phase={view.phase} />
      {table?.endReason && ended && <p className="notice">{table.endReason}</p>}
      {!table ? (
        <>
          {view.agreement && <AgreementText version={view.agreement} />}
          <p className="hint">Only the parties, the mediator and exercise control follow the talks themselves.</p>
        </>
      ) : (
        <>
          {actor.picker}
          <InvitationAnswers view={view} table={table} actor={actor} />
          <OpeningStatements view={view} table={table} actor={actor} />
          <div className="room-grid">
            <ChannelThreads view={view} table={table} actor={actor} />
            <NegotiatingText view={view} table={table} actor={actor} />
          </div>
          <MandateForm view={view} table={table} actor={actor} />
          <BreachList view={view} table={table} actor={actor} />
          <WalkOutForm view={view} actor={actor} />
          <ConcludeForm view={view} actor={actor} />
        </>
      )}
    </article>
  );
}
