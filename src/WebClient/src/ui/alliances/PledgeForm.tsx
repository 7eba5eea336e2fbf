import { useState } from "react";
import { shortId } from "../../api/http";
import { Field } from "../common";
import { ALLIANCE_COMMANDS, type Send } from "./allianceCommands";

export function PledgeForm({ send, busy }: { send: Send; busy: boolean }) {
  const [resource, setResource] = useState("");
  const [amount, setAmount] = useState("1");
  const [hours, setHours] = useState("2");
  return (
    <>
      <form
        aria-label="Pledge resources"
        className="row sub"
        onSubmit={(e) => {
          e.preventDefault();
          void send(ALLIANCE_COMMANDS.pledgeResources, { pledgeId: shortId("p-"), resource, amount: Number(amount), dueWithin: `PT${Number(hours) || 0}H` });
        }}
      >
        <Field label="Resource">{(id) => <input id={id} value={resource} onChange={(e) => setResource(e.target.value)} placeholder="e.g. air-defence batteries" />}</Field>
        <Field label="Amount">{(id) => <input id={id} type="number" value={amount} onChange={(e) => setAmount(e.target.value)} />}</Field>
        <Field label="Due within (hours)">{(id) => <input id={id} type="number" value={hours} onChange={(e) => setHours(e.target.value)} />}</Field>
        <div className="field">
          <button type="submit" className="primary" disabled={busy || !resource.trim() || !(Number(amount) > 0) || !(Number(hours) > 0)}>
            Pledge
          </button>
        </div>
      </form>
    </>
  );
}

