using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.News;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Signature and force: a party signs the current version; the agreement enters into force when every party's
/// signature is on the same version — so whatever order signatures arrive in, the outcome is the same. An alliance
/// signs only when its own grain says a passed decision authorises that version; a text with a peacekeeping
/// deployment is signed only once the deployment has a mandate. Entry into force is public news unless the talks are
/// secret, and moves the parties' relations.
/// </summary>
public static partial class NegotiationRules
{
    public static Decision Sign(NegotiationState state, Participant actor, SignText command, SignatureContext context, DateTimeOffset now)
    {
        const string what = "sign";
        var refused = NegotiationAccess.ForParty(state, actor, command.As, command.Party, what)
            ?? NegotiationValidation.Phase(state, "sign the text", NegotiationPhase.Drafting, NegotiationPhase.Signature)
            ?? Current(state, command.Version, "version")
            ?? (state.Signatures.TryGetValue(command.Party, out var earlier) && earlier.Version == command.Version
                ? Decision.Reject(NegotiationRejectionCodes.AlreadyRecorded, $"{command.Party} has already signed version {command.Version}.", "version")
                : null);
        if (refused is not null)
        {
            return refused;
        }

        var party = NegotiationAccess.Party(state, command.Party)!;
        string? decisionId = null;
        if (party.Kind == PartyKind.Alliance)
        {
            var authorisation = context.PartyAuthorisation;
            if (authorisation is not { Granted: true })
            {
                var why = authorisation?.Refusal?.Message ?? $"{party.Code} has not said that a passed decision authorises this signature.";
                return Decision.Reject(NegotiationRejectionCodes.NotAuthorised, why, "party",
                    authorisation?.Refusal?.Allowed ?? $"a passed signAgreement decision of {party.Code}");
            }

            decisionId = authorisation.DecisionId;
        }

        var version = state.Versions[^1];
        if (Mandates.Missing(state, version, context) is { } noMandate)
        {
            return noMandate;
        }

        var definition = state.Definition!;
        var signed = new PendingEvent(new TextSigned(command.Party, command.As, command.Version, decisionId, now), NegotiationAudience.Plenary(definition));
        var allSigned = definition.Parties.All(p => p.Code == command.Party
            || (state.Signatures.TryGetValue(p.Code, out var s) && s.Version == command.Version));
        if (!allSigned)
        {
            return state.Phase == NegotiationPhase.Signature
                ? Decision.Accept(signed)
                : Decision.Accept(signed, PhaseChange(definition, NegotiationPhase.Signature, $"{command.Party} signed version {command.Version}.", now));
        }

        var inForce = new PendingEvent(new AgreementEnteredIntoForce(command.Version, NegotiationEffects.EntryIntoForce(definition), now), NegotiationAudience.Public(definition));
        var phase = PhaseChange(definition, NegotiationPhase.InForce, $"Every party signed version {command.Version}.", now);
        if (definition.Secret)
        {
            return Decision.Accept(signed, inForce, phase);
        }

        var news = new NewsPublished(
            $"news-{state.Id}-in-force",
            $"Agreement in force: {definition.Title}",
            $"{string.Join(", ", definition.Parties.Select(p => p.Code))} signed version {command.Version}"
                + (definition.Mediator is { } m ? $", mediated by {m}" : "") + ": "
                + string.Join("; ", version.Clauses.Select(ClauseText.Describe)) + ".",
            $"negotiation {definition.Title}");
        return Decision.Accept(signed, inForce, phase, new PendingEvent(news, Audience.Public));
    }
}
