using System.Collections.Immutable;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrisisGrid.Grains.Tests.Alliances;

/// <summary>
/// Invariants of the charter rules over random alliances, rules, weights, thresholds, quorums and vote sequences
/// (FsCheck.Xunit; the generators are below, handed to the properties by <see cref="Arbitraries"/>).
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)])]
public class AlliancePropertyTests
{
    public enum Act
    {
        Yes,
        No,
        Abstain,
        BreakSilence,
    }

    public sealed record Step(int Member, Act Act, int Minute);

    public sealed record VoteScenario(string[] Members, DecisionRule Rule, Step[] Steps)
    {
        public override string ToString() =>
            $"members [{string.Join(",", Members)}], {Rule.Kind} t={Rule.Threshold} q={Rule.Quorum} w=[{string.Join(",", Rule.Weights ?? ImmutableDictionary<string, int>.Empty)}], "
            + $"steps [{string.Join("; ", Steps.Select(s => $"{Members[s.Member % Members.Length]} {s.Act} @{s.Minute}"))}]";
    }

    private static readonly string[] Pool = [.. AllianceBed.Nations];

    private static Gen<string[]> MembersGen(int min) =>
        from count in Gen.Choose(min, Pool.Length)
        from shuffled in Gen.Shuffle(Pool)
        select shuffled.Take(count).Order(StringComparer.Ordinal).ToArray();

    private static Gen<DecisionRule> RuleGen(string[] members) =>
        from kind in Gen.Elements(Enum.GetValues<DecisionRuleKind>())
        from threshold in Gen.Choose(1, 20)
        from weights in Gen.CollectToArray(members, _ => Gen.Frequency((1, Gen.Choose(0, 0)), (6, Gen.Choose(1, 5))))
        from weighted in Gen.Elements(true, false)
        from quorum in Gen.Frequency((2, Gen.Constant<double?>(null)), (3, Gen.Choose(0, 10).Select(q => (double?)(q / 10.0))))
        select new DecisionRule(
            kind,
            AllianceBed.VoteDeadline,
            kind == DecisionRuleKind.QualifiedMajority ? threshold / 20.0 : null,
            weighted ? members.Zip(weights).ToImmutableDictionary(p => p.First, p => p.Second) : null,
            kind == DecisionRuleKind.QualifiedMajority ? quorum : null);

    /// <summary>Steps by random members at random minutes; the deadline is at minute 30, so some come too late.</summary>
    private static Gen<VoteScenario> ScenarioGen =>
        from members in MembersGen(2)
        from rule in RuleGen(members)
        from steps in Gen.ListOf(
            from member in Gen.Choose(0, members.Length - 1)
            from act in Gen.Elements(Enum.GetValues<Act>())
            from minute in Gen.Choose(0, 40)
            select new Step(member, act, minute))
        select new VoteScenario(members, rule, [.. steps.Take(10)]);

    /// <summary>Votes cast before the deadline, replayed in two different orders.</summary>
    public sealed record ConcurrentVotes(VoteScenario Scenario, int[] First, int[] Second)
    {
        public override string ToString() => $"{Scenario}, orders [{string.Join(",", First)}] and [{string.Join(",", Second)}]";
    }

    /// <summary>Up to 25 consultation, admission, suspension and withdrawal operations by any nation, member or not.</summary>
    public sealed record ConsultationTraffic(string[] Members, (Op Op, string Who, string Other)[] Ops)
    {
        public override string ToString() => $"members [{string.Join(",", Members)}], ops [{string.Join("; ", Ops)}]";
    }

    public static class Arbitraries
    {
        public static Arbitrary<VoteScenario> Scenarios() => ScenarioGen.ToArbitrary();

        public static Arbitrary<ConcurrentVotes> Concurrent() =>
            (from members in MembersGen(3)
             from rule in RuleGen(members)
             from acts in Gen.CollectToArray(members, _ => rule.Kind == DecisionRuleKind.SilenceProcedure
                 ? Gen.Elements(Act.BreakSilence, Act.Yes)
                 : Gen.Elements(Act.Yes, Act.No, Act.Abstain))
             from voters in Gen.SubListOf(Enumerable.Range(0, members.Length).ToArray())
             from first in Gen.Shuffle(voters.ToArray())
             from second in Gen.Shuffle(voters.ToArray())
             select new ConcurrentVotes(new VoteScenario(members, rule, [.. voters.Select(i => new Step(i, acts[i], 0))]), first, second))
            .ToArbitrary();

        public static Arbitrary<ConsultationTraffic> Traffic() =>
            (from members in MembersGen(2)
             from ops in Gen.ListOf(
                 from op in Gen.Elements(Enum.GetValues<Op>())
                 from who in Gen.Elements(Pool)
                 from other in Gen.Elements(Pool)
                 select (Op: op, Who: who, Other: other))
             select new ConsultationTraffic(members, ops.Take(25).ToArray()))
            .ToArbitrary();
    }

    private static AllianceBed Run(VoteScenario scenario, IEnumerable<Step> steps)
    {
        var bed = AllianceBed.Create(AllianceBed.CharterWithDefault(scenario.Rule), [.. scenario.Members]);
        var start = bed.Now;
        Assert.True(bed.Table(scenario.Members[0], new CollectiveStatementProposal("Property.")).IsAccepted);
        foreach (var step in steps)
        {
            bed.Now = start.AddMinutes(step.Minute);
            var member = scenario.Members[step.Member % scenario.Members.Length];
            _ = step.Act == Act.BreakSilence
                ? bed.BreakSilence(member)
                : bed.Vote(member, step.Act switch { Act.Yes => VoteChoice.Yes, Act.No => VoteChoice.No, _ => VoteChoice.Abstain });
        }

        bed.Now = start.AddHours(1);
        bed.Settle();
        return bed;
    }

    /// <summary>
    /// The rules restated independently of <see cref="VoteCounting"/>: is the rule met by these votes? (For the
    /// silence procedure: no eligible member broke silence, and the deadline was reached.)
    /// </summary>
    private static bool RuleMet(DecisionRule rule, string[] eligible, Dictionary<string, VoteChoice> votes, bool silenceBroken, bool atDeadline)
    {
        int W(string m) => rule.Weights?.GetValueOrDefault(m, 1) ?? 1;
        return rule.Kind switch
        {
            DecisionRuleKind.Consensus => votes.Values.All(v => v != VoteChoice.No),
            DecisionRuleKind.Unanimity => eligible.All(m => votes.TryGetValue(m, out var v) && v == VoteChoice.Yes),
            DecisionRuleKind.QualifiedMajority =>
                eligible.Sum(W) > 0
                && votes.Where(v => v.Value == VoteChoice.Yes).Sum(v => W(v.Key)) >= (rule.Threshold!.Value * eligible.Sum(W)) - 1e-9
                && votes.Count >= ((rule.Quorum ?? 0) * eligible.Length) - 1e-9,
            DecisionRuleKind.SilenceProcedure => !silenceBroken && atDeadline,
            _ => false,
        };
    }

    [Property]
    public bool Property_no_decision_is_recorded_whose_rule_was_not_met_and_none_fails_whose_rule_was_met(VoteScenario scenario)
    {
        var bed = Run(scenario, scenario.Steps.OrderBy(s => s.Minute));
        var draft = bed.Draft();
        var result = draft.Result;
        if (result is null || draft.IsOpen)
        {
            return false; // an hour after tabling, a 30-minute draft must be decided
        }

        var eligible = scenario.Members; // no membership change in these scenarios
        var votes = draft.Votes.Where(v => v.Value.At <= result.At).ToDictionary(v => v.Key, v => v.Value.Choice, StringComparer.Ordinal);
        var broken = draft.SilenceBreak is { } b && b.At < draft.Deadline;
        var met = RuleMet(draft.Rule, eligible, votes, broken, result.At >= draft.Deadline);
        var honestTally = result.Tally.Eligible.SequenceEqual(eligible)
            && result.Tally.Votes.Count == votes.Count
            && result.Tally.Votes.All(v => votes.TryGetValue(v.Key, out var c) && c == v.Value);
        return honestTally && (result.Status == DraftStatus.Passed ? met : !met) && bed.Harness.Events<DraftDecided>().Count() == 1;
    }

    // More runs than the default: the interesting cases (a tie, a quorum reached exactly) are rare.
    [Property(MaxTest = 500)]
    public bool Property_the_outcome_does_not_depend_on_the_order_in_which_votes_arrive(ConcurrentVotes input)
    {
        // Concurrent votes: all before the deadline, in two different orders (one minute apart each).
        IEnumerable<Step> InOrder(int[] order) => order.Select((m, i) => input.Scenario.Steps.Single(s => s.Member == m) with { Minute = i });
        var one = Run(input.Scenario, InOrder(input.First)).Draft().Status;
        var other = Run(input.Scenario, InOrder(input.Second)).Draft().Status;
        return one == other && one != DraftStatus.Open;
    }

    public enum Op
    {
        Request,
        Convene,
        Position,
        Admit,
        Suspend,
        Withdraw,
        Wait,
    }

    [Property]
    public bool Property_every_member_is_notified_of_every_consultation_and_no_outsider_is(ConsultationTraffic input)
    {
        var bed = AllianceBed.Create(members: [.. input.Members]);
        var n = 0;
        foreach (var (op, who, other) in input.Ops)
        {
            var id = $"c{n++}";
            var latest = bed.State.Consultations.Keys.LastOrDefault() ?? "c0";
            switch (op)
            {
                case Op.Request: bed.Request(who, id); break;
                case Op.Convene: bed.Convene(who, latest); break;
                case Op.Position: bed.Position(who, PositionKind.Support, latest); break;
                case Op.Admit:
                    bed.Table(other, new AdmissionProposal(who), id);
                    foreach (var m in bed.State.ActiveMembers.ToList())
                    {
                        bed.Vote(m, VoteChoice.Yes, id);
                    }

                    break;
                case Op.Suspend:
                    bed.Table(other, new SuspensionProposal(who), id);
                    foreach (var m in bed.State.ActiveMembers.ToList())
                    {
                        bed.Vote(m, VoteChoice.Yes, id);
                    }

                    break;
                case Op.Withdraw: bed.GiveNotice(who); break;
                case Op.Wait: bed.Advance(TimeSpan.FromHours(13)); break;
            }
        }

        bed.Advance(TimeSpan.FromDays(2));
        bed.Settle();
        return EveryConsultationEventReachedExactlyTheMembersInGoodStanding(bed.Harness.Log);
    }

    private static bool EveryConsultationEventReachedExactlyTheMembersInGoodStanding(IEnumerable<RecordedEvent> log)
    {
        var state = AllianceState.Empty("NAT");
        foreach (var recorded in log)
        {
            var members = state.ActiveMembers.ToList();
            var consultationTraffic = recorded.Event is ConsultationRequested or ConsultationConvened or PositionRecorded or ConsultationConcluded;
            if (consultationTraffic && !recorded.Audience.Nations.SequenceEqual(members))
            {
                return false;
            }

            if (recorded.Event is ConsultationRequested requested && !requested.Notified.SequenceEqual(members))
            {
                return false;
            }

            // Any non-public alliance event goes to members in good standing only (plus the nation it concerns).
            var outsiders = recorded.Audience.Nations.Except(members).ToList();
            if (recorded.Audience.Kind == AudienceKind.Nations && state.Initialized && outsiders.Count > 0
                && recorded.Event is not WithdrawalNoticeGiven)
            {
                return false;
            }

            state = AllianceEvolve.Apply(state, recorded.Event);
        }

        return true;
    }
}
