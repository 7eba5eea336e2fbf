import { useEffect, useState, type FormEvent } from "react";
import { shortId } from "../api/http";
import type { ActionKind, NationView } from "../api/types";
import { ACTION_COSTS, ACTION_FIELDS, ACTION_KINDS, ACTION_LABELS, describeAction, emptyDraft, toAction, type OrderDraft } from "../state/actions";
import { ordersClosedReason, ordersOpenNow as isOrdersOpenNow } from "../state/ordersClosed";
import { Field, ProblemNote, fieldHit, useCommand, useExercise } from "./common";

/**
 * The team's orders for the current turn: a form whose fields follow the action kind, with the cost from the
 * catalog, and the orders already given (withdrawable while orders are open). The server judges every order; its
 * refusal is shown under the form with the field and the allowed values.
 */
export function OrdersPanel({ nation }: { nation: NationView }) {
  const { state, name } = useExercise();
  const own = nation.private;
  const [draft, setDraft] = useState<OrderDraft>(() => emptyDraft());
  const submit = useCommand();
  const withdraw = useCommand();
  const [lastAccepted, setLastAccepted] = useState<string | null>(null);
  // A refusal belongs to the moment it was given: clear it when orders open or close.
  const { clear } = submit;
  useEffect(() => {
    clear();
    setLastAccepted(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [own?.ordersTurn, own?.ordersOpen]);
  if (!own) {
    return null;
  }

  const others = state.nations.filter((n) => n.code !== nation.code);
  const myAlliances = state.alliances.filter((a) => a.members.includes(nation.code));
  const fields = ACTION_FIELDS[draft.kind];
  const cost = ACTION_COSTS[draft.kind];
  const set = (patch: Partial<OrderDraft>) => setDraft({ ...draft, ...patch });
  const bad = (...names: string[]) => fieldHit(submit.problem, ...names.flatMap((n) => [n, `action.${n}`]));
  const turn = state.exercise.turn;
  // The nation keeps its last turn's orders until the next orders phase opens.
  const ordersOfThisTurn = own.ordersTurn === turn;
  const moment = { status: state.exercise.status, phase: state.exercise.phase, turn, ordersTurn: own.ordersTurn, ordersOpen: own.ordersOpen };
  const ordersOpenNow = isOrdersOpenNow(moment);
  // Submit is offered only while orders are open; at every other moment the panel says why they are closed.
  const closedReason = ordersClosedReason(moment);
  const ended = state.exercise.status === "ended";
  // A team's orders are for its own nation (the gateway fills it in); exercise control names the nation it plays.
  const forNation = state.viewer.role === "facilitator" ? nation.code : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setLastAccepted(null);
    const action = toAction(draft);
    const reply = await submit.run("nation.submitOrder", { orderId: shortId("o-"), action, nation: forNation });
    if (reply?.accepted) {
      setLastAccepted(describeAction(action, name));
      setDraft(emptyDraft(draft.kind));
    }
  };

  const nationSelect = (key: "nation" | "toward" | "partner" | "recipient", label: string, optional = false) => (
    <Field key={key} label={label} invalid={bad(key)}>
      {(id) => (
        <select id={id} value={draft[key]} onChange={(e) => set({ [key]: e.target.value })}>
          <option value="">{optional ? "— no one in particular —" : "— choose a nation —"}</option>
          {others.map((n) => (
            <option key={n.code} value={n.code}>
              {n.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <section className="panel" aria-labelledby="orders-title" data-testid="orders">
      <header>
        <h2 id="orders-title">Orders for turn {turn || "—"}</h2>
        <span className="hint">
          {ordersOpenNow ? (
            <span className="tag ok">Orders open</span>
          ) : (
            <span className="tag">Orders closed</span>
          )}{" "}
          <span data-testid="orders-ap">
            {ordersOfThisTurn ? `${own.actionPoints} of ${own.actionPointsPerTurn} action points left` : `${own.actionPointsPerTurn} action points per turn`}
          </span>
        </span>
      </header>
      {closedReason ? (
        <p className="notice" data-testid={ended ? "orders-ended" : "orders-closed"}>
          {closedReason}
        </p>
      ) : (
      <form onSubmit={(e) => void onSubmit(e)} aria-label="New order">
        <Field label="Action" invalid={bad("kind")}>
          {(id) => (
            <select id={id} value={draft.kind} onChange={(e) => setDraft({ ...emptyDraft(e.target.value as ActionKind), alliance: myAlliances[0]?.code ?? "" })}>
              {ACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ACTION_LABELS[k]} — {ACTION_COSTS[k]} AP
                </option>
              ))}
            </select>
          )}
        </Field>
        {fields.includes("alliance") && (
          <Field label="In the name of alliance" invalid={bad("alliance")}>
            {(id) => (
              <select id={id} value={draft.alliance} onChange={(e) => set({ alliance: e.target.value })}>
                <option value="">— choose an alliance —</option>
                {myAlliances.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {fields.includes("tone") && (
          <Field label="Tone" invalid={bad("tone")}>
            {(id) => (
              <select id={id} value={draft.tone} onChange={(e) => set({ tone: e.target.value as OrderDraft["tone"] })}>
                <option value="conciliatory">Conciliatory</option>
                <option value="firm">Firm</option>
                <option value="hostile">Hostile</option>
              </select>
            )}
          </Field>
        )}
        {fields.includes("area") && (
          <Field label="Where" invalid={bad("area")}>
            {(id) => (
              <select id={id} value={draft.area} onChange={(e) => set({ area: e.target.value as OrderDraft["area"] })}>
                <option value="home">Home garrisons</option>
                <option value="border">The border facing a nation</option>
                <option value="ally">An ally's territory</option>
              </select>
            )}
          </Field>
        )}
        {fields.includes("nation") &&
          nationSelect("nation", draft.kind === "deployForces" ? (draft.area === "ally" ? "Host nation" : "Facing") : draft.kind === "jointDeployment" ? "Deploy to" : "Target nation", draft.kind === "deployForces" && draft.area === "home")}
        {fields.includes("partner") && nationSelect("partner", "Partner")}
        {fields.includes("recipient") && nationSelect("recipient", "Recipient")}
        {fields.includes("toward") && nationSelect("toward", "Addressed to (optional)", true)}
        {fields.includes("announced") && (
          <div className="field">
            <label className="inline">
              <input type="checkbox" checked={draft.announced} onChange={(e) => set({ announced: e.target.checked })} /> Announced in advance (a
              confidence-building measure; unannounced it is a provocation)
            </label>
          </div>
        )}
        {fields.includes("text") && (
          <Field label={draft.kind === "collectiveStatement" ? "Statement, word for word as the alliance agreed" : "Statement"} invalid={bad("text")}>
            {(id) => <textarea id={id} value={draft.text} onChange={(e) => set({ text: e.target.value })} />}
          </Field>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={submit.busy}>
            Submit order ({cost} AP)
          </button>
          <span className="hint" data-testid="order-cost">
            Costs {cost} action point{cost === 1 ? "" : "s"}
            {ordersOfThisTurn ? `; ${own.actionPoints} left.` : "."}
          </span>
        </div>
        <ProblemNote problem={submit.problem} />
        {lastAccepted && !submit.problem && (
          <div className="notice" role="status">
            Order accepted: {lastAccepted}
          </div>
        )}
      </form>
      )}

      <h3 style={{ marginTop: 18 }}>{ordersOfThisTurn || own.orders.length === 0 ? "Given this turn" : `Given in turn ${own.ordersTurn}`}</h3>
      {own.orders.length === 0 ? (
        <p className="empty">No orders yet.</p>
      ) : (
        <ul className="order-list" data-testid="submitted-orders">
          {own.orders.map((o) => (
            <li key={o.orderId} data-order={o.orderId}>
              <span>
                {describeAction(o.action, name)} <span className="tag">{o.cost} AP</span>
              </span>
              {ordersOpenNow && (
                <button
                  type="button"
                  className="small"
                  disabled={withdraw.busy}
                  onClick={() => void withdraw.run("nation.withdrawOrder", { orderId: o.orderId, nation: forNation })}
                  aria-label={`Withdraw order: ${describeAction(o.action, name)}`}
                >
                  Withdraw
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ProblemNote problem={withdraw.problem} />
    </section>
  );
}
