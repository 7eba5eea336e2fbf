import { useCommand } from "../common";
import type { SendInSession } from "./negotiationCommands";

/**
 * Runs one form's commands in a session and keeps the server's refusal to show beside that form. Exercise control
 * names the nation it acts as; a team's is filled in by the gateway. Commands that belong to exercise control
 * itself (rulings) are sent without a nation.
 */
export function useSessionCommand(session: string, actor: string | null, isControl: boolean, asNation = true) {
  const command = useCommand();
  const send: SendInSession = async (type, args) => {
    const reply = await command.run(type, { session, ...(isControl && asNation && actor ? { as: actor } : {}), ...args });
    return reply?.accepted ?? false;
  };
  return { send, busy: command.busy, problem: command.problem };
}
