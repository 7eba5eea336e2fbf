using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Grains.Nations;

/// <summary>
/// Why a nation changed, in the words its team reads ("after Arvenia's mobilisation", "after the scenario event
/// “Grid outage”", "after exercise control's adjustment: …"). Decided where the change is decided (adjudication, the
/// exercise's outbox, a negotiation), so the cause is part of the recorded event, not guessed by a client. An act of
/// another nation names that nation only when the visibility policy lets the team know who acted: a covert act that
/// went unattributed is "an unattributed cyber operation against you".
/// </summary>
public static class ChangeCauses
{
    /// <summary>
    /// An adjudicated order of <paramref name="actor"/>, as the team of <paramref name="nation"/> reads it;
    /// <paramref name="whoActed"/> is the audience that learns which nation acted.
    /// </summary>
    public static string Order(string nation, string actor, NationAction action, Audience whoActed, Func<string, string> name)
    {
        var act = Act(action, nation, name);
        if (nation == actor)
        {
            return $"after your {act}";
        }

        return VisibilityPolicy.MaySee(Participant.Team(nation), whoActed)
            ? $"after {name(actor)}'s {act}"
            : $"after an unattributed {act}";
    }

    /// <summary>A released inject (teams know injects as scenario events; the inject's id is control's bookkeeping).</summary>
    public static string Inject(string title) => $"after the scenario event “{title}”";

    /// <summary>News published by exercise control.</summary>
    public static string News(string headline) => $"after the news “{headline}”";

    /// <summary>Exercise control adjusted the nation directly, always with a stated reason.</summary>
    public static string Adjustment(string reason) => $"after exercise control's adjustment: {reason}";

    /// <summary>
    /// Exercise control revised an adjudicated result: the original cause as the team read it (so a revision says no
    /// more about who acted than the result did), or a plain revision when the team was not touched by the original.
    /// </summary>
    public static string Override(string? original, string reason) =>
        original is null ? $"after exercise control revised a turn's result: {reason}" : $"{original}, as revised by exercise control: {reason}";

    /// <summary>
    /// Something in the talks titled <paramref name="title"/>: <paramref name="what"/> is one of the negotiation's
    /// kinds of change (the agreement entering into force, a breach, a ruling, a confidence-building measure kept).
    /// </summary>
    public static string Negotiation(NegotiationCause what, string title) => what switch
    {
        NegotiationCause.InForce => $"after the agreement of the talks “{title}” entered into force",
        NegotiationCause.Breach => $"after a breach of the agreement of the talks “{title}”",
        NegotiationCause.BreachUnfounded => $"after exercise control ruled a reported breach of the agreement of the talks “{title}” unfounded",
        _ => $"after a confidence-building measure of the talks “{title}” was kept",
    };

    /// <summary>The act as a noun phrase, with the reading team called "you".</summary>
    private static string Act(NationAction action, string reader, Func<string, string> name)
    {
        string Who(string code) => code == reader ? "you" : name(code);
        return action switch
        {
            PublicStatement s => $"{s.Tone.ToString().ToLowerInvariant()} statement{(s.Toward is null ? "" : $" toward {Who(s.Toward)}")}",
            Mobilise => "mobilisation",
            StandDown => "stand-down of forces",
            DeployForces { Area: DeploymentArea.Home } => "return of forces to home garrisons",
            DeployForces { Area: DeploymentArea.Border } d => d.Nation == reader ? "deployment of forces to your border" : $"deployment of forces to the border with {name(d.Nation!)}",
            DeployForces d => d.Nation == reader ? "deployment of forces to your territory" : $"deployment of forces to {name(d.Nation!)}",
            JointExercise j => $"{(j.Announced ? "announced" : "unannounced")} joint exercise with {Who(j.Partner)}",
            ImposeSanctions s => $"sanctions on {Who(s.Nation)}",
            LiftSanctions s => $"lifting of sanctions on {Who(s.Nation)}",
            HumanitarianAid h => $"humanitarian aid to {Who(h.Recipient)}",
            ShareIntelligence i => $"sharing of intelligence with {Who(i.Recipient)}",
            CyberOperation c => $"cyber operation against {Who(c.Nation)}",
            JointDeployment j => j.Nation == reader ? "deployment of forces to your territory under an alliance decision" : $"deployment of forces to {name(j.Nation)} under an alliance decision",
            CollectiveStatement => "delivery of an alliance statement",
            _ => "decision to hold its position",
        };
    }
}

/// <summary>The kinds of change a negotiation hands to nations.</summary>
public enum NegotiationCause
{
    InForce,
    Breach,
    BreachUnfounded,
    ConfidenceMeasureKept,
}
