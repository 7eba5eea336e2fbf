/**
 * Negotiation commands as the gateway takes them: "negotiation.<command>" with the session beside the command's
 * fields. A team acts as its own nation (the gateway fills in "as"); exercise control names the nation it plays
 * (the mediator, or a party no team plays). The session grain decides every rule and refuses the rest.
 */
export const NEGOTIATION_COMMANDS = {
  convene: "negotiation.convene",
  respond: "negotiation.respond",
  openingStatement: "negotiation.openingStatement",
  post: "negotiation.post",
  propose: "negotiation.propose",
  sign: "negotiation.sign",
  walkOut: "negotiation.walkOut",
  ruleBreachUnfounded: "negotiation.ruleBreachUnfounded",
  conclude: "negotiation.conclude",
  ruleMandate: "negotiation.ruleMandate",
} as const;

/**
 * What a team pays, in its nation's action points of the turn, to convene talks (the server's
 * NegotiationConvening.ActionPointCost; it charges and refuses, this only informs). Exercise control pays nothing.
 */
export const CONVENING_COST = 1;

/** Sends one command for this session, the acting nation filled in; resolves true when it was accepted. */
export type SendInSession = (type: string, args: Record<string, unknown>) => Promise<boolean>;
