using System.Text.Json.Serialization;

namespace CrisisGrid.Grains.Access;

[GenerateSerializer, Alias("Access.ParticipantRole")]
public enum ParticipantRole
{
    /// <summary>Exercise control (white cell): runs the clock, injects, adjudicates; sees everything.</summary>
    Facilitator,

    /// <summary>A team playing one nation.</summary>
    Team,

    /// <summary>Read-only; public view, or the full view once exercise control opens the review.</summary>
    Observer,

    /// <summary>The exercise itself: timers, reminders and grains acting on the exercise's behalf.</summary>
    System,
}

/// <summary>
/// Who is acting or looking. The gateway derives it from a verified token; grains decide what it may do and see.
/// </summary>
[GenerateSerializer, Alias("Access.Participant"), Immutable]
public sealed record Participant(ParticipantRole Role, string? Nation = null, bool FullView = false)
{
    public static Participant Facilitator { get; } = new(ParticipantRole.Facilitator);

    public static Participant Observer { get; } = new(ParticipantRole.Observer);

    public static Participant System { get; } = new(ParticipantRole.System);

    public static Participant Team(string nation) => new(ParticipantRole.Team, nation);

    [JsonIgnore]
    public bool IsControl => Role is ParticipantRole.Facilitator or ParticipantRole.System;

    /// <summary>
    /// This participant as an exercise treats it: observers see everything once exercise control has opened the
    /// after-action review (the only place this rule lives).
    /// </summary>
    public Participant InExercise(bool reviewOpen) =>
        Role == ParticipantRole.Observer && reviewOpen ? this with { FullView = true } : this;

    public bool Plays(string nation) => Role == ParticipantRole.Team && string.Equals(Nation, nation, StringComparison.Ordinal);

    public override string ToString() => Role == ParticipantRole.Team ? $"team {Nation}" : Role.ToString().ToLowerInvariant();
}
