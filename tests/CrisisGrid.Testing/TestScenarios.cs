using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Testing;

/// <summary>
/// Scenarios built in code for rule tests, independent of the YAML samples (which have their own tests).
/// Nations: NOR (team), EST (team), RUS (aggressor, exercise control), SWE (neutral mediator, exercise control).
/// Alliance NAT: a multilateral treaty of EST, NOR and SWE.
/// </summary>
public static class TestScenarios
{
    public static readonly DateTimeOffset ClockStart = new(2027, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public static ScenarioDefinition Small(
        ImmutableArray<InjectDefinition>? msel = null,
        PhaseDeadlines? deadlines = null,
        int? maxTurns = 6) => new(
        "test",
        ScenarioDefinition.CurrentFormatVersion,
        "Test scenario",
        "A small world for rule tests.",
        new ClockSettings(ClockStart, TimeSpan.FromHours(12), maxTurns, 4, deadlines ?? PhaseDeadlines.None),
        [
            Nation("NOR", "Norland", NationControl.Team, military: 60, readiness: 50, relations: [new("RUS", 20, 60), new("EST", 80, 10)]),
            Nation("EST", "Estmark", NationControl.Team, military: 35, readiness: 45, relations: [new("RUS", 10, 75), new("NOR", 85, 5)]),
            Nation("RUS", "Ruthenia", NationControl.Facilitator, military: 80, readiness: 60, relations: [new("EST", 15, 70), new("NOR", 20, 55)]),
            Nation("SWE", "Svealand", NationControl.Facilitator, military: 50, readiness: 40, relations: [], neutral: true),
        ],
        [new TeamDefinition("team-nor", "Team Norland", "NOR"), new TeamDefinition("team-est", "Team Estmark", "EST")],
        [
            new AllianceDefinition("NAT", "Northern Alliance Treaty", AllianceType.Multilateral, ["EST", "NOR", "SWE"], Charter()),
        ],
        msel ?? []);

    public static NationDefinition Nation(
        string code,
        string name,
        NationControl control,
        int military,
        int readiness,
        ImmutableArray<RelationDefinition> relations,
        bool neutral = false) =>
        new(code, name, $"{name}, a fictional nation.", new NationIndices(military, readiness, 60, 60, 55, 60), relations, control, neutral, null);

    public static Charter Charter() => new(
        [new CharterArticle("art4", ArticleKind.Consultation, "Consultation", "The parties will consult together whenever…")],
        new ConsultationTerms(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)),
        ImmutableDictionary<DecisionKind, DecisionRule>.Empty.Add(DecisionKind.Default, DecisionRule.DefaultConsensus),
        TimeSpan.FromHours(24));

    public static InjectDefinition Inject(
        string id,
        InjectSchedule schedule,
        ImmutableArray<InjectEffect>? effects = null,
        ImmutableArray<InjectTrigger>? triggers = null,
        InjectTargets? targets = null,
        InjectKind kind = InjectKind.BorderIncident,
        NewsItem? news = null) =>
        new(id, $"Inject {id}", kind, schedule, targets ?? InjectTargets.Everyone, effects ?? [], triggers ?? [], news, $"Brief for {id}");

    public static InjectEffect Effect(string nation, NationIndex index, int delta) =>
        new(nation, ImmutableDictionary<NationIndex, int>.Empty.Add(index, delta), []);
}
