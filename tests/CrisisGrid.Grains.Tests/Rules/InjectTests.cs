using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Injects;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;
using static CrisisGrid.Testing.TestScenarios;

namespace CrisisGrid.Grains.Tests.Rules;

public class InjectTests
{
    private static readonly Participant Control = Participant.Facilitator;

    private static RuleHarness<ExerciseState> RunningWith(params InjectDefinition[] msel) =>
        ExerciseLifecycleTests.Running(Small(msel: [.. msel]));

    private static WorldFacts Facts(int turn, params (string Code, Func<NationState, NationState> Change)[] changes)
    {
        var nations = Small().Nations.Select(n =>
        {
            var state = NationState.Empty(n.Code) with
            {
                Initialized = true,
                Indices = n.Indices,
                Relations = n.Relations.ToImmutableSortedDictionary(r => r.With, r => new Relation(r.Trust, r.Tension), StringComparer.Ordinal),
            };
            return changes.Where(c => c.Code == n.Code).Aggregate(state, (s, c) => c.Change(s));
        });
        return WorldFacts.From(turn, nations);
    }

    [Fact]
    public void A_turn_scheduled_inject_fires_when_its_turn_starts_and_only_then()
    {
        var exercise = RunningWith(Inject("t2", new InjectSchedule(2, null, null)));
        Assert.Empty(exercise.Events<InjectReleased>());
        ExerciseLifecycleTests.PlayTurn(exercise);
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        var released = Assert.Single(exercise.Events<InjectReleased>());
        Assert.Equal(("t2", InjectSource.Scheduled), (released.Inject.Id, released.Source));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(11, 1)]
    [InlineData(12, 2)]
    [InlineData(30, 3)]
    public void A_time_scheduled_inject_fires_at_the_start_of_the_turn_whose_window_holds_its_time(int hours, int expectedTurn)
    {
        var exercise = RunningWith(Inject("timed", new InjectSchedule(null, TimeSpan.FromHours(hours), null)));
        for (var turn = 1; turn < expectedTurn; turn++)
        {
            Assert.Empty(exercise.Events<InjectReleased>());
            ExerciseLifecycleTests.PlayTurn(exercise);
            exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        }

        Assert.Single(exercise.Events<InjectReleased>());
        Assert.Equal(expectedTurn, exercise.State.Turn);
    }

    [Fact]
    public void Manual_injects_fire_only_when_released_and_only_once()
    {
        var exercise = RunningWith(Inject("manual", InjectSchedule.Manual));
        Assert.Empty(InjectRules.Due(exercise.State, 5, Facts(5)));
        exercise.Accept(s => ExerciseRules.Release(s, Control, new ReleaseInject("manual")));
        Assert.Equal(InjectSource.Released, Assert.Single(exercise.Events<InjectReleased>()).Source);
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Release(s, Control, new ReleaseInject("manual"))), RejectionCodes.InvalidState);
        var unknown = DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Release(s, Control, new ReleaseInject("nope"))), RejectionCodes.NotFound);
        Assert.Equal("injectId", unknown.Field);
    }

    [Fact]
    public void A_conditional_inject_is_due_only_when_its_condition_holds()
    {
        var tension = new RelationCondition("EST", "RUS", RelationMeasure.Tension, Comparison.Above, 80);
        var exercise = RunningWith(Inject("cond", new InjectSchedule(null, null, tension)));
        Assert.Empty(InjectRules.Due(exercise.State, 1, Facts(1)));
        Assert.Empty(InjectRules.Due(exercise.State, 1, facts: null));
        var hot = Facts(1, ("RUS", n => n with { Relations = n.Relations.SetItem("EST", new Relation(10, 81)) }));
        Assert.Equal("cond", Assert.Single(InjectRules.Due(exercise.State, 1, hot)).Id);
    }

    [Fact]
    public void A_conditional_inject_with_a_turn_waits_for_that_turn()
    {
        var exercise = RunningWith(Inject("later", new InjectSchedule(3, null, new TurnCondition(1))));
        Assert.Empty(InjectRules.Due(exercise.State, 2, Facts(2)));
        Assert.Single(InjectRules.Due(exercise.State, 3, Facts(3)));
    }

    [Fact]
    public void Between_reads_both_directions_tension_as_the_higher_and_trust_as_the_lower()
    {
        var facts = Facts(1);
        // EST→RUS tension 75, RUS→EST 70; trust 10 and 15.
        Assert.Equal(75, ConditionEvaluator.Between(facts, new RelationCondition("RUS", "EST", RelationMeasure.Tension, Comparison.Above, 0)));
        Assert.Equal(10, ConditionEvaluator.Between(facts, new RelationCondition("RUS", "EST", RelationMeasure.Trust, Comparison.Above, 0)));
        Assert.True(ConditionEvaluator.Holds(new RelationCondition("EST", "RUS", RelationMeasure.Tension, Comparison.Above, 74), facts));
        Assert.False(ConditionEvaluator.Holds(new RelationCondition("EST", "RUS", RelationMeasure.Tension, Comparison.Above, 75), facts));
        Assert.False(ConditionEvaluator.Holds(new RelationCondition("EST", "XXX", RelationMeasure.Tension, Comparison.Below, 101), facts));
    }

    [Fact]
    public void All_of_and_any_of_combine_index_and_turn_conditions()
    {
        var facts = Facts(4);
        var weakEstonia = new IndexCondition("EST", NationIndex.MilitaryStrength, Comparison.Below, 40);
        var strongEstonia = new IndexCondition("EST", NationIndex.MilitaryStrength, Comparison.Above, 40);
        Assert.True(ConditionEvaluator.Holds(new AllOfCondition([weakEstonia, new TurnCondition(4)]), facts));
        Assert.False(ConditionEvaluator.Holds(new AllOfCondition([weakEstonia, new TurnCondition(5)]), facts));
        Assert.True(ConditionEvaluator.Holds(new AnyOfCondition([strongEstonia, new TurnCondition(2)]), facts));
        Assert.False(ConditionEvaluator.Holds(new AnyOfCondition([strongEstonia, new TurnCondition(5)]), facts));
    }

    [Fact]
    public void Releasing_briefs_the_targets_privately_publishes_the_news_and_delivers_effects_to_nations()
    {
        var inject = Inject(
            "cyber",
            InjectSchedule.Manual,
            effects: [Effect("EST", NationIndex.Economy, -8)],
            targets: new InjectTargets(false, [], ["team-est"]),
            kind: InjectKind.CyberAttack,
            news: new NewsItem("Outage in Estmark", "Banks are offline.", ImmutableDictionary<string, int>.Empty.Add("EST", -3)));
        var exercise = RunningWith(inject);
        exercise.Accept(s => ExerciseRules.Release(s, Control, new ReleaseInject("cyber")));

        var brief = exercise.Log.Single(e => e.Event is InjectBriefed);
        Assert.Equal(Audience.ToNation("EST"), brief.Audience);
        Assert.Equal(AudienceKind.Control, exercise.Log.Single(e => e.Event is InjectReleased).Audience.Kind);
        Assert.Equal(AudienceKind.Public, exercise.Log.Single(e => e.Event is NewsPublished).Audience.Kind);
        var deliveries = exercise.State.Outbox.OfType<NationChangeDelivery>().Where(d => d.Delta.Nation == "EST").ToList();
        Assert.Contains(deliveries, d => d.Delta.Indices.GetValueOrDefault(NationIndex.Economy) == -8);
        Assert.Contains(deliveries, d => d.Delta.Indices.GetValueOrDefault(NationIndex.PublicSupport) == -3);
    }

    [Fact]
    public void An_armed_attack_is_reported_publicly_and_delivered_to_every_alliance()
    {
        var exercise = RunningWith(Inject("attack", InjectSchedule.Manual, triggers: [new ArmedAttackTrigger("RUS", "EST")], kind: InjectKind.ArmedAttack));
        exercise.Accept(s => ExerciseRules.Release(s, Control, new ReleaseInject("attack")));
        var report = Assert.Single(exercise.Events<ArmedAttackReported>());
        Assert.Equal(("RUS", "EST"), (report.Attacker, report.Victim));
        Assert.Equal("NAT", Assert.Single(exercise.State.Outbox.OfType<ArmedAttackDelivery>()).Alliance);
    }

    [Fact]
    public void Release_triggers_chain_injects_once_even_in_a_cycle()
    {
        var a = Inject("a", InjectSchedule.Manual, triggers: [new ReleaseInjectTrigger("b")]);
        var b = Inject("b", InjectSchedule.Manual, triggers: [new ReleaseInjectTrigger("a")]);
        var exercise = RunningWith(a, b);
        exercise.Accept(s => ExerciseRules.Release(s, Control, new ReleaseInject("a")));
        Assert.Equal([("a", InjectSource.Released), ("b", InjectSource.Triggered)], exercise.Events<InjectReleased>().Select(r => (r.Inject.Id, r.Source)));
    }

    [Fact]
    public void Ad_hoc_injects_fire_at_once_and_are_checked_against_the_world()
    {
        var exercise = RunningWith();
        exercise.Accept(s => ExerciseRules.AdHoc(s, Control, new InjectAdHoc(Inject("adhoc-1", new InjectSchedule(5, null, null), effects: [Effect("NOR", NationIndex.Readiness, 10)]))));
        Assert.Equal(InjectSource.AdHoc, Assert.Single(exercise.Events<InjectReleased>()).Source);

        var unknown = DecisionAssert.Rejected(
            exercise.Do(s => ExerciseRules.AdHoc(s, Control, new InjectAdHoc(Inject("adhoc-2", InjectSchedule.Manual, effects: [Effect("ZZZ", NationIndex.Readiness, 10)])))),
            RejectionCodes.NotFound);
        Assert.Equal("inject.effects[0].nation", unknown.Field);
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.AdHoc(s, Control, new InjectAdHoc(Inject("adhoc-1", InjectSchedule.Manual)))), RejectionCodes.InvalidArgument);
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.AdHoc(s, Participant.Team("NOR"), new InjectAdHoc(Inject("x", InjectSchedule.Manual)))), RejectionCodes.Forbidden);
    }

    [Fact]
    public void News_from_exercise_control_is_public_and_moves_public_support_within_limits()
    {
        var exercise = RunningWith();
        exercise.Accept(s => ExerciseRules.Publish(s, Control, new PublishNews("Summit called", "Leaders meet.", ImmutableDictionary<string, int>.Empty.Add("NOR", 5))));
        Assert.Equal(AudienceKind.Public, exercise.Log[^1].Audience.Kind);
        Assert.Single(exercise.State.Outbox.OfType<NationChangeDelivery>(), d => d.Delta.Nation == "NOR" && d.Delta.Indices[NationIndex.PublicSupport] == 5);

        var tooMuch = DecisionAssert.Rejected(
            exercise.Do(s => ExerciseRules.Publish(s, Control, new PublishNews("x", "y", ImmutableDictionary<string, int>.Empty.Add("NOR", 50)))),
            RejectionCodes.InvalidArgument);
        Assert.Equal("publicSupport.NOR", tooMuch.Field);
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Publish(s, Control, new PublishNews("", "y"))), RejectionCodes.InvalidArgument);
    }
}

public class InjectKindTests
{
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_of_inject_can_be_released_with_its_brief_effects_and_news(InjectKind kind)
    {
        var inject = TestScenarios.Inject(
            "i1",
            InjectSchedule.Manual,
            effects: [TestScenarios.Effect("EST", NationIndex.DomesticStability, -5)],
            targets: new InjectTargets(false, ["EST"], []),
            kind: kind,
            news: new NewsItem($"{kind} reported", "Details follow.", System.Collections.Immutable.ImmutableDictionary<string, int>.Empty));
        var exercise = ExerciseLifecycleTests.Running(TestScenarios.Small(msel: [inject]));
        exercise.Accept(s => ExerciseRules.Release(s, Participant.Facilitator, new ReleaseInject("i1")));

        Assert.Equal(kind, Assert.Single(exercise.Events<InjectBriefed>()).Kind);
        Assert.Single(exercise.Events<NewsPublished>(), n => n.Headline == $"{kind} reported");
        Assert.Single(exercise.State.Outbox.OfType<NationChangeDelivery>(), d => d.Delta.Nation == "EST");
    }

    public static TheoryData<InjectKind> Kinds() => [.. Enum.GetValues<InjectKind>()];
}
