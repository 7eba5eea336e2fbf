using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;

namespace CrisisGrid.Grains.Exercises;

/// <summary>
/// The exercise convenes every negotiation session, so it knows them all and can hand each adjudicated turn to
/// them (the session never has to call the exercise). Who may convene: exercise control, or a nation that is a
/// party (itself or through its alliance) or the proposed mediator.
/// </summary>
public static class NegotiationConvening
{
    /// <summary>What a team pays, from its nation's turn budget, to convene talks (like a public statement).</summary>
    public const int ActionPointCost = 1;

    /// <summary>The step of a convening command that spends the points, so a retried command pays once.</summary>
    public const string PaymentStep = "action-points";

    /// <summary>
    /// A team convening as its nation pays; exercise control does not, whichever nation it acts as (it plays the
    /// mediator and non-player nations, and standing talks and injects cost no one anything).
    /// </summary>
    public static bool Pays(Participant actor) => !actor.IsControl;

    /// <summary>What the nation is told the points bought.</summary>
    public static SpendActionPoints Payment => new(ActionPointCost, "convening talks");

    public static Decision Convene(ExerciseState state, Participant actor, ConveneNegotiation command, string source)
    {
        if (state.Status is ExerciseStatus.NotCreated or ExerciseStatus.Ended)
        {
            return Decision.Reject(RejectionCodes.InvalidState, "Talks can be convened only in an exercise that exists and has not ended.");
        }

        if (actor.Role == ParticipantRole.Observer)
        {
            return Decision.Forbidden("Observers cannot convene talks.");
        }

        if (!actor.IsControl && (command.As is null || !actor.Plays(command.As)))
        {
            return Decision.Forbidden($"Team {actor.Nation} convenes talks only as its own nation.");
        }

        var talks = command.Talks;
        if (talks is null)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "Say which talks to convene.", "talks", "an id, a title, two or more parties, an optional mediator");
        }

        if (state.NegotiationIds.Contains(talks.Id ?? ""))
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"Talks {talks.Id} already exist in this exercise; choose another id.", "talks.id");
        }

        var convener = actor.IsControl ? command.As : actor.Nation;
        var (definition, refusal) = NegotiationSetup.Resolve(talks, state.World.Nations, state.World.Alliances, convener);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!actor.IsControl && convener != definition!.Mediator && !definition.Parties.Any(p => p.ActsThrough(convener!)))
        {
            return Decision.Reject(NegotiationRejectionCodes.NotAParty, $"{convener} may convene talks only as a party or as their mediator.", "talks.parties",
                "talks in which your nation is a party or the mediator");
        }

        return Decision.Accept(new PendingEvent(new NegotiationRegistered(definition!, state.Turn, source), Audience.Control));
    }
}
