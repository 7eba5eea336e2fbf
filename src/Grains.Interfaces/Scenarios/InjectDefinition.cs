using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CrisisGrid.Grains.Scenarios;

[GenerateSerializer, Alias("Scenarios.InjectKind")]
public enum InjectKind
{
    BorderIncident,
    ArmedAttack,
    CyberAttack,
    TerroristAttack,
    DisinformationCampaign,
    RefugeeFlow,
    NaturalDisaster,
    EconomicShock,
    LeadershipChange,
    HumanitarianCrisis,
}

/// <summary>
/// One entry of the master scenario events list (or an ad hoc inject written by exercise control).
/// <see cref="Brief"/> is private to the targets; <see cref="News"/> is public.
/// </summary>
[GenerateSerializer, Alias("Scenarios.InjectDefinition"), Immutable]
public sealed record InjectDefinition(
    string Id,
    string Title,
    InjectKind Kind,
    InjectSchedule Schedule,
    InjectTargets Targets,
    ImmutableArray<InjectEffect> Effects,
    ImmutableArray<InjectTrigger> Triggers,
    NewsItem? News = null,
    string? Brief = null);

/// <summary>
/// When an inject fires: at the start of a turn, at an exercise (simulated) time offset from the clock start, when a
/// condition on the world state holds, or — when all are null — only when exercise control releases it.
/// With both a time and a condition it fires at the first turn start at or after the time at which the condition holds.
/// </summary>
[GenerateSerializer, Alias("Scenarios.InjectSchedule"), Immutable]
public sealed record InjectSchedule(int? Turn, TimeSpan? At, Condition? When)
{
    public static InjectSchedule Manual { get; } = new(null, null, null);

    public bool IsManual => Turn is null && At is null && When is null;
}

/// <summary>Who receives the private brief: every team, some nations, or some teams (by team id).</summary>
[GenerateSerializer, Alias("Scenarios.InjectTargets"), Immutable]
public sealed record InjectTargets(bool All, ImmutableArray<string> Nations, ImmutableArray<string> Teams)
{
    public static InjectTargets Everyone { get; } = new(true, [], []);
}

/// <summary>Changes to one nation: index deltas and relation deltas (its regard for others).</summary>
[GenerateSerializer, Alias("Scenarios.InjectEffect"), Immutable]
public sealed record InjectEffect(
    string Nation,
    ImmutableDictionary<NationIndex, int> Indices,
    ImmutableArray<RelationChange> Relations);

/// <summary>A change in how a nation regards <see cref="Toward"/>.</summary>
[GenerateSerializer, Alias("Scenarios.RelationChange"), Immutable]
public sealed record RelationChange(string Toward, int Trust, int Tension);

/// <summary>Something an inject sets in motion beyond its effects.</summary>
/// <remarks>The JSON attributes let a stored scenario (an exercise's first event) keep its triggers through a round trip.</remarks>
[GenerateSerializer, Alias("Scenarios.InjectTrigger"), Immutable]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ArmedAttackTrigger), "armedAttack")]
[JsonDerivedType(typeof(PromptConsultationTrigger), "promptConsultation")]
[JsonDerivedType(typeof(ReleaseInjectTrigger), "release")]
public abstract record InjectTrigger;

/// <summary>
/// Records an armed attack by <see cref="Attacker"/> on <see cref="Victim"/>: every alliance the victim belongs to
/// gets it on record (the precondition for collective defence), and the victim's team is prompted to request
/// consultation in each.
/// </summary>
[GenerateSerializer, Alias("Scenarios.ArmedAttackTrigger"), Immutable]
public sealed record ArmedAttackTrigger(string Attacker, string Victim) : InjectTrigger;

/// <summary>Prompts a nation's team to request consultation in an alliance (a private prompt, not a request).</summary>
[GenerateSerializer, Alias("Scenarios.PromptConsultationTrigger"), Immutable]
public sealed record PromptConsultationTrigger(string Nation, string Alliance) : InjectTrigger;

/// <summary>Releases another MSEL inject (a chain of events).</summary>
[GenerateSerializer, Alias("Scenarios.ReleaseInjectTrigger"), Immutable]
public sealed record ReleaseInjectTrigger(string InjectId) : InjectTrigger;

/// <summary>A public news item; <see cref="PublicSupport"/> moves the named nations' public support.</summary>
[GenerateSerializer, Alias("Scenarios.NewsItem"), Immutable]
public sealed record NewsItem(string Headline, string Body, ImmutableDictionary<string, int> PublicSupport);
