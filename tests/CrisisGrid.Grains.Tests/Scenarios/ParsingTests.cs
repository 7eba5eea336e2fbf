using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Tests.Scenarios;

public class ParsingTests
{
    [Fact]
    public void Condition_tree_maps_to_condition_records()
    {
        var inject = SingleInject("""
              - id: escalation
                title: Escalation
                kind: armedAttack
                at: {time: PT36H}
                when:
                  allOf:
                    - tension: {between: [ARD, BOR], above: 70}
                    - anyOf:
                        - index: {nation: CAL, index: domesticStability, below: 40}
                        - trust: {between: [BOR, CAL], below: 25}
                    - turn: {atLeast: 3}
            """);

        var expected = new AllOfCondition([
            new RelationCondition("ARD", "BOR", RelationMeasure.Tension, Comparison.Above, 70),
            new AnyOfCondition([
                new IndexCondition("CAL", NationIndex.DomesticStability, Comparison.Below, 40),
                new RelationCondition("BOR", "CAL", RelationMeasure.Trust, Comparison.Below, 25),
            ]),
            new TurnCondition(3),
        ]);
        Assert.Equal(Render(expected), Render(inject.Schedule.When!));
        Assert.Equal(TimeSpan.FromHours(36), inject.Schedule.At);
        Assert.Null(inject.Schedule.Turn);
    }

    [Fact]
    public void Targets_effects_triggers_and_news_are_read_as_written()
    {
        var yaml = ScenarioYaml.WithNations("""
            alliances:
              - {code: NCP, name: Compact, type: multilateral, members: [ARD, BOR, CAL]}
            msel:
              - id: attack
                title: Attack
                kind: armedAttack
                at: {turn: 4}
                targets: {nations: [ARD], teams: [borovia]}
                brief: Private to the targets.
                effects:
                  - nation: ARD
                    indices: {readiness: 10, economy: -5}
                    relations:
                      - {toward: BOR, trust: -20, tension: 30}
                triggers:
                  - armedAttack: {attacker: BOR, victim: ARD}
                  - promptConsultation: {nation: CAL, alliance: NCP}
                  - release: aftermath
                news:
                  headline: Attack!
                  body: Details follow.
                  publicSupport: {ARD: 5, BOR: -5}
              - {id: aftermath, title: Aftermath, kind: humanitarianCrisis, targets: all}
            """);

        var scenario = Valid(yaml);
        var inject = scenario.Msel[0];

        Assert.Equal(4, inject.Schedule.Turn);
        Assert.Equal(new InjectTargets(false, ["ARD"], ["borovia"]), inject.Targets, TargetsComparer.Instance);
        Assert.Equal("Private to the targets.", inject.Brief);
        var effect = Assert.Single(inject.Effects);
        Assert.Equal("ARD", effect.Nation);
        Assert.Equal(ImmutableDictionary<NationIndex, int>.Empty.Add(NationIndex.Readiness, 10).Add(NationIndex.Economy, -5), effect.Indices);
        Assert.Equal<RelationChange>([new RelationChange("BOR", -20, 30)], effect.Relations);
        Assert.Equal<InjectTrigger>(
            [new ArmedAttackTrigger("BOR", "ARD"), new PromptConsultationTrigger("CAL", "NCP"), new ReleaseInjectTrigger("aftermath")],
            inject.Triggers);
        Assert.Equal("Attack!", inject.News!.Headline);
        Assert.Equal("Details follow.", inject.News.Body);
        Assert.Equal(5, inject.News.PublicSupport["ARD"]);
        Assert.Equal(-5, inject.News.PublicSupport["BOR"]);
        Assert.True(scenario.Msel[1].Targets.All);
    }

    [Fact]
    public void Charter_rules_are_read_per_decision_kind()
    {
        var yaml = ScenarioYaml.WithNations("""
            alliances:
              - code: NCP
                name: Compact
                type: multilateral
                members: [ARD, BOR, CAL]
                charter:
                  articles:
                    - {id: art-5, kind: collectiveDefence, title: Defence, text: One for all.}
                  consultation: {conveneWithin: PT15M, positionsDueWithin: PT25M}
                  decisionRules:
                    default: {rule: consensus}
                    jointDeployment: {rule: qualifiedMajority, threshold: 0.66, weights: {ARD: 3, BOR: 2}, quorum: 0.75, deadline: PT45M}
                    collectiveStatement: {rule: silenceProcedure, deadline: PT5M}
                    admission: {rule: unanimity}
                  withdrawalNotice: P2D
            """);

        var charter = Valid(yaml).Alliances[0].Charter;

        Assert.Equal<CharterArticle>([new CharterArticle("art-5", ArticleKind.CollectiveDefence, "Defence", "One for all.")], charter.Articles);
        Assert.Equal(new ConsultationTerms(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(25)), charter.Consultation);
        Assert.Equal(new DecisionRule(DecisionRuleKind.Consensus, TimeSpan.FromMinutes(30)), charter.RuleFor(DecisionKind.Default));
        var joint = charter.RuleFor(DecisionKind.JointDeployment);
        Assert.Equal((DecisionRuleKind.QualifiedMajority, 0.66, 0.75, TimeSpan.FromMinutes(45)), (joint.Kind, joint.Threshold!.Value, joint.Quorum!.Value, joint.Deadline));
        Assert.Equal(ImmutableDictionary<string, int>.Empty.Add("ARD", 3).Add("BOR", 2), joint.Weights);
        Assert.Equal(DecisionRuleKind.SilenceProcedure, charter.RuleFor(DecisionKind.CollectiveStatement).Kind);
        Assert.Equal(DecisionRuleKind.Unanimity, charter.RuleFor(DecisionKind.Admission).Kind);
        Assert.Equal(DecisionRuleKind.Consensus, charter.RuleFor(DecisionKind.Suspension).Kind); // falls back to default
        Assert.Equal(TimeSpan.FromDays(2), charter.WithdrawalNotice);
    }

    [Theory]
    [InlineData("PT15M", 0, 0, 15, 0)]
    [InlineData("PT12H", 0, 12, 0, 0)]
    [InlineData("P2D", 2, 0, 0, 0)]
    [InlineData("P1W", 7, 0, 0, 0)]
    [InlineData("P1DT2H30M", 1, 2, 30, 0)]
    [InlineData("PT90M", 0, 1, 30, 0)]
    [InlineData("PT45S", 0, 0, 0, 45)]
    [InlineData("PT0S", 0, 0, 0, 0)]
    public void Iso_8601_durations_are_understood(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(YamlScalars.TryDuration(text, out var value));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), value);
    }

    [Theory]
    [InlineData("15m")]
    [InlineData("PT")]
    [InlineData("P")]
    [InlineData("P1Y")] // years and months have no fixed length
    [InlineData("P1M")]
    [InlineData("PT1.5H")]
    [InlineData("T1H")]
    [InlineData("P1H")]
    [InlineData("pt15m")]
    public void Malformed_durations_are_rejected(string text) => Assert.False(YamlScalars.TryDuration(text, out _));

    [Fact]
    public void Negative_durations_are_understood_so_they_can_be_reported_as_negative()
    {
        Assert.True(YamlScalars.TryDuration("-PT1H", out var value));
        Assert.Equal(TimeSpan.FromHours(-1), value);
    }

    [Fact]
    public void Inject_at_time_zero_is_allowed()
    {
        var inject = SingleInject("  - {id: opening, title: Opening, kind: borderIncident, at: {time: PT0S}}\n");

        Assert.Equal(TimeSpan.Zero, inject.Schedule.At);
    }

    [Fact]
    public void Quoted_text_is_text_even_when_it_looks_like_a_number()
    {
        var yaml = ScenarioYaml.WithNations().Replace("title: Test", "title: \"1984\"", StringComparison.Ordinal);

        Assert.Equal("1984", Valid(yaml).Title);
    }

    private static InjectDefinition SingleInject(string msel) => Assert.Single(Valid(ScenarioYaml.WithNations("msel:\n" + msel)).Msel);

    private static ScenarioDefinition Valid(string yaml)
    {
        var result = ScenarioLoader.Load(yaml, "test.yaml");
        Assert.True(result.IsValid, result.Describe());
        return result.Scenario;
    }

    /// <summary>Condition records hold ImmutableArrays, which compare by reference; compare a rendering instead.</summary>
    private static string Render(Condition condition) => condition switch
    {
        AllOfCondition all => $"allOf({string.Join(", ", all.Conditions.Select(Render))})",
        AnyOfCondition any => $"anyOf({string.Join(", ", any.Conditions.Select(Render))})",
        _ => condition.ToString(),
    };

    private sealed class TargetsComparer : IEqualityComparer<InjectTargets>
    {
        public static TargetsComparer Instance { get; } = new();

        public bool Equals(InjectTargets? x, InjectTargets? y) =>
            x is not null && y is not null && x.All == y.All && x.Nations.SequenceEqual(y.Nations) && x.Teams.SequenceEqual(y.Teams);

        public int GetHashCode(InjectTargets obj) => obj.All.GetHashCode();
    }

    [Fact]
    public void One_clock_charter_deadlines_are_read_as_real_time_turns_or_the_end_of_the_next_phase()
    {
        var result = ScenarioLoader.Load(ScenarioYaml.WithNations("""
            alliances:
              - code: NCP
                name: Compact
                type: multilateral
                members: [ARD, BOR, CAL]
                charter:
                  decisionRules:
                    default: {rule: consensus, deadline: PT15M}
                    jointDeployment: {rule: consensus, deadline: 2 turns}
                    collectiveStatement: {rule: silenceProcedure, deadline: end of next orders phase}
            """), "test.yaml");
        Assert.True(result.IsValid, result.Describe());
        var rules = result.Scenario.Alliances.Single().Charter.DecisionRules;
        Assert.Equal((TimeSpan.FromMinutes(15), (PhaseDeadline?)null), (rules[DecisionKind.Default].Deadline, rules[DecisionKind.Default].InPlay));
        Assert.Equal(new PhaseDeadline(2, null), rules[DecisionKind.JointDeployment].InPlay);
        Assert.Equal(new PhaseDeadline(null, CrisisGrid.Grains.Exercises.TurnPhase.Orders), rules[DecisionKind.CollectiveStatement].InPlay);
    }

    [Fact]
    public void One_clock_a_charter_deadline_that_is_neither_a_duration_nor_turns_nor_a_phase_is_reported_where_it_is()
    {
        var result = ScenarioLoader.Load(ScenarioYaml.WithNations("""
            alliances:
              - code: NCP
                name: Compact
                type: multilateral
                members: [ARD, BOR, CAL]
                charter:
                  decisionRules:
                    default: {rule: consensus, deadline: next tuesday}
            """), "test.yaml");
        var problem = Assert.Single(result.Problems);
        Assert.Equal("alliances[0].charter.decisionRules.default.deadline", problem.Path);
        Assert.Contains("found 'next tuesday'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"2 turns\"", problem.Allowed, StringComparison.Ordinal);
    }
}
