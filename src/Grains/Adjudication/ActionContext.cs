using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Adjudication;

/// <summary>
/// The effect of each action. Kept in one place so that the table in docs/adjudication.md can be checked against it.
/// "Others" are every nation except the actor (and the partner, where there is one).
/// </summary>
internal sealed class ActionContext(NationState actor, IReadOnlyDictionary<string, NationState> world, Dice dice, OutcomeBuilder effects)
{
    private string A => actor.Code;

    private IEnumerable<NationState> Others(string? except = null) =>
        world.Values.Where(n => n.Code != A && n.Code != except).OrderBy(n => n.Code, StringComparer.Ordinal);

    private string Name(string code) => world.TryGetValue(code, out var n) ? n.Name : code;

    public (bool, string) Statement(PublicStatement s)
    {
        var (scale, resonance) = Resonance();
        var toward = s.Toward is null ? "" : $" toward {Name(s.Toward)}";
        switch (s.Tone)
        {
            case StatementTone.Conciliatory:
                effects.Index(A, NationIndex.InternationalStanding, scale(2));
                if (s.Toward is { } t)
                {
                    effects.Regard(t, A, scale(3), -scale(4)).Tell(t, $"{actor.Name} made a conciliatory statement toward you.");
                }
                else
                {
                    foreach (var other in Others())
                    {
                        effects.Regard(other.Code, A, 0, -scale(1));
                    }
                }

                break;
            case StatementTone.Firm:
                effects.Index(A, NationIndex.PublicSupport, scale(2));
                if (s.Toward is { } f)
                {
                    effects.Regard(f, A, 0, scale(3)).Tell(f, $"{actor.Name} made a firm statement toward you.");
                }

                break;
            default:
                effects.Index(A, NationIndex.PublicSupport, scale(3)).Index(A, NationIndex.InternationalStanding, -scale(3));
                if (s.Toward is { } h)
                {
                    effects.Regard(h, A, -scale(5), scale(8)).Tell(h, $"{actor.Name} made a hostile statement toward you.");
                }
                else
                {
                    foreach (var other in Others())
                    {
                        effects.Regard(other.Code, A, 0, scale(2));
                    }
                }

                break;
        }

        effects.Report = new PublicReport($"{actor.Name} issues a {s.Tone.ToString().ToLowerInvariant()} statement{toward}", s.Text);
        return (true, $"Your {s.Tone.ToString().ToLowerInvariant()} statement{toward} was received {resonance}.");
    }

    public (bool, string) Mobilise()
    {
        var (scale, _) = Resonance();
        effects.Index(A, NationIndex.Readiness, 15).Index(A, NationIndex.Economy, -3).Index(A, NationIndex.PublicSupport, scale(2))
            .Posture(A, new PostureChange(Mobilised: true));
        foreach (var other in Others())
        {
            var alarm = other.RelationWith(A).Tension >= 50 ? 8 : 5;
            effects.Regard(other.Code, A, 0, scale(alarm));
        }

        effects.Report = new PublicReport($"{actor.Name} mobilises its armed forces", $"{actor.Name} has ordered a general mobilisation.");
        return (true, "Mobilisation ordered: readiness rises, the economy pays, neighbours are alarmed.");
    }

    public (bool, string) StandDown()
    {
        effects.Index(A, NationIndex.Readiness, -10).Index(A, NationIndex.Economy, 2).Posture(A, new PostureChange(Mobilised: false));
        foreach (var other in Others())
        {
            effects.Regard(other.Code, A, 0, -4);
        }

        effects.Report = new PublicReport($"{actor.Name} stands down its forces", $"{actor.Name} has ended its mobilisation.");
        return (true, "Forces stood down: tension eases, readiness falls.");
    }

    public (bool, string) Deploy(DeployForces d)
    {
        var (scale, _) = Resonance();
        switch (d.Area)
        {
            case DeploymentArea.Home:
                effects.Posture(A, new PostureChange(Area: DeploymentArea.Home));
                foreach (var other in Others())
                {
                    effects.Regard(other.Code, A, 0, -3);
                }

                effects.Report = new PublicReport($"{actor.Name} withdraws forces to home garrisons", $"{actor.Name}'s forces are returning home.");
                return (true, "Forces returned to home garrisons.");
            case DeploymentArea.Border:
                var facing = d.Nation!;
                effects.Index(A, NationIndex.Readiness, 5).Posture(A, new PostureChange(Area: DeploymentArea.Border, Facing: facing))
                    .Regard(facing, A, -scale(5), scale(10)).Tell(facing, $"{actor.Name} has deployed forces to your border.");
                effects.Report = new PublicReport($"{actor.Name} deploys forces to the border with {Name(facing)}", "Satellite imagery confirms the movement.");
                return (true, $"Forces deployed to the border facing {Name(facing)}.");
            default:
                var host = d.Nation!;
                effects.Index(A, NationIndex.InternationalStanding, 1).Posture(A, new PostureChange(Area: DeploymentArea.Ally, Facing: host))
                    .Regard(host, A, scale(6), 0).Tell(host, $"{actor.Name} has deployed forces to your territory.");
                foreach (var rival in Others(host).Where(n => n.RelationWith(host).Tension >= 50))
                {
                    effects.Regard(rival.Code, A, 0, 4);
                }

                effects.Report = new PublicReport($"{actor.Name} deploys forces to {Name(host)}", $"Troops from {actor.Name} arrive in {Name(host)}.");
                return (true, $"Forces deployed to {Name(host)}.");
        }
    }

    /// <summary>
    /// A deployment to a host under an alliance decision: like a deployment to an ally, with more legitimacy (standing
    /// +2 rather than +1, the host's trust +8 rather than +6) and less alarm among the host's rivals (+3 rather than +4).
    /// </summary>
    public (bool, string) JointDeployment(JointDeployment j)
    {
        var (scale, _) = Resonance();
        var host = j.Nation;
        effects.Index(A, NationIndex.InternationalStanding, 2).Posture(A, new PostureChange(Area: DeploymentArea.Ally, Facing: host))
            .Regard(host, A, scale(8), 0).Tell(host, $"{actor.Name}'s forces have arrived on your territory under a {j.Alliance} decision.");
        foreach (var rival in Others(host).Where(n => n.RelationWith(host).Tension >= 50))
        {
            effects.Regard(rival.Code, A, 0, scale(3));
        }

        effects.Report = new PublicReport($"{actor.Name} deploys forces to {Name(host)} under a {j.Alliance} decision", $"The deployment is part of an agreed {j.Alliance} joint deployment.");
        return (true, $"Forces deployed to {Name(host)} as part of the {j.Alliance} joint deployment.");
    }

    /// <summary>A statement in the alliance's name: it speaks for several states, so it lifts standing more than a national one.</summary>
    public (bool, string) CollectiveStatement(CollectiveStatement c)
    {
        var (scale, resonance) = Resonance();
        effects.Index(A, NationIndex.InternationalStanding, scale(3)).Index(A, NationIndex.PublicSupport, scale(1));
        effects.Report = new PublicReport($"{c.Alliance} statement, delivered by {actor.Name}", c.Text);
        return (true, $"The {c.Alliance} statement was received {resonance}.");
    }

    public (bool, string) JointExercise(JointExercise j)
    {
        var (scale, _) = Resonance();
        effects.Index(A, NationIndex.Readiness, 5).Index(j.Partner, NationIndex.Readiness, 3)
            .Regard(j.Partner, A, scale(4), 0).Tell(j.Partner, $"{actor.Name} held a joint exercise with you.");
        if (j.Announced)
        {
            effects.Index(A, NationIndex.InternationalStanding, 1);
            foreach (var other in Others(j.Partner).Where(n => n.RelationWith(A).Tension >= 30))
            {
                effects.Regard(other.Code, A, 0, -1);
            }

            effects.Report = new PublicReport($"{actor.Name} and {Name(j.Partner)} hold an announced joint exercise", "Observers were notified in advance.");
            return (true, "The announced exercise built confidence.");
        }

        var detected = dice.Roll() < 0.7;
        if (!detected)
        {
            return (true, "The unannounced exercise went unnoticed.");
        }

        effects.Index(A, NationIndex.InternationalStanding, -2);
        foreach (var other in Others(j.Partner))
        {
            effects.Regard(other.Code, A, 0, scale(6));
        }

        effects.Report = new PublicReport($"Unannounced exercise by {actor.Name} and {Name(j.Partner)} alarms the region", "Neighbours call it a provocation.");
        return (true, "The unannounced exercise was detected and read as a provocation.");
    }

    public (bool, string) ImposeSanctions(string target)
    {
        var bite = 4 + (int)Math.Floor(dice.Roll() * 6);
        effects.Index(target, NationIndex.Economy, -bite).Regard(target, A, -8, 10)
            .Tell(target, $"{actor.Name} imposed sanctions on you (economy −{bite}).")
            .Index(A, NationIndex.Economy, -2).Sanctions(A, target, impose: true);
        effects.Report = new PublicReport($"{actor.Name} imposes sanctions on {Name(target)}", "Trade restrictions take effect immediately.");
        return (true, $"Sanctions on {Name(target)} took effect (their economy −{bite}).");
    }

    public (bool, string) LiftSanctions(string target)
    {
        effects.Index(target, NationIndex.Economy, 3).Regard(target, A, 6, -5).Tell(target, $"{actor.Name} lifted its sanctions on you.")
            .Sanctions(A, target, impose: false);
        effects.Report = new PublicReport($"{actor.Name} lifts sanctions on {Name(target)}", "Trade resumes.");
        return (true, $"Sanctions on {Name(target)} lifted.");
    }

    public (bool, string) HumanitarianAid(string recipient)
    {
        var (scale, _) = Resonance();
        effects.Index(A, NationIndex.Economy, -2).Index(A, NationIndex.InternationalStanding, scale(4))
            .Index(recipient, NationIndex.DomesticStability, scale(4)).Index(recipient, NationIndex.PublicSupport, 2)
            .Regard(recipient, A, 6, 0).Tell(recipient, $"{actor.Name} sent humanitarian aid.");
        effects.Report = new PublicReport($"{actor.Name} sends humanitarian aid to {Name(recipient)}", "Relief convoys are under way.");
        return (true, $"Aid delivered to {Name(recipient)}.");
    }

    public (bool, string) ShareIntelligence(string recipient)
    {
        effects.Regard(recipient, A, 5, 0).Index(recipient, NationIndex.Readiness, 2).Tell(recipient, $"{actor.Name} shared intelligence with you.");
        return (true, $"Intelligence shared with {Name(recipient)}.");
    }

    public (bool, string) Cyber(string target)
    {
        var victim = world[target];
        var chance = Math.Clamp(0.35 + ((actor.Indices.MilitaryStrength + actor.Indices.Readiness - (2 * victim.Indices.Readiness)) / 400.0), 0.1, 0.9);
        var success = dice.Roll() < chance;
        var detected = dice.Roll() < (success ? 0.4 : 0.7);
        if (success)
        {
            effects.Index(target, NationIndex.Economy, -6).Index(target, NationIndex.DomesticStability, -4);
        }

        if (detected)
        {
            effects.Regard(target, A, -10, 12).Index(A, NationIndex.InternationalStanding, -4)
                .Tell(target, success ? $"A cyber attack attributed to {actor.Name} disrupted your networks." : $"You thwarted a cyber attack attributed to {actor.Name}.");
            effects.Report = success
                ? new PublicReport($"{Name(target)} blames {actor.Name} for cyber attack", "Government networks were disrupted.")
                : new PublicReport($"{Name(target)} thwarts cyber attack attributed to {actor.Name}", "Officials say the intrusion was contained.");
        }
        else if (success)
        {
            effects.Tell(target, "A cyber attack by an unknown actor disrupted your networks.");
            effects.Unattributed = true;
            effects.Report = new PublicReport($"Cyber attack disrupts {Name(target)}", "The attacker has not been identified.");
        }

        var result = success ? "succeeded" : "failed";
        var attribution = detected ? "and was attributed to you" : "and was not attributed";
        return (success, $"The cyber operation against {Name(target)} {result} {attribution} (chance {chance:P0}).");
    }

    // One roll per action scales its main effects: muted (×0.5), as expected, or strongly (×1.5).
    private (Func<int, int> Scale, string Words) Resonance()
    {
        var roll = dice.Roll();
        var (factor, words) = roll < 0.2 ? (0.5, "with little attention") : roll > 0.8 ? (1.5, "strongly") : (1.0, "as expected");
        return (x => (int)Math.Round(x * factor, MidpointRounding.AwayFromZero), words);
    }
}
