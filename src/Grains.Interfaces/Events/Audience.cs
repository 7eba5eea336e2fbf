using System.Collections.Immutable;
using CrisisGrid.Grains.Access;

namespace CrisisGrid.Grains.Events;

[GenerateSerializer, Alias("Events.AudienceKind")]
public enum AudienceKind
{
    /// <summary>Everyone in the exercise, observers included: public news, the clock.</summary>
    Public,

    /// <summary>Exercise control only (facilitators): adjudication rolls, join codes, overrides.</summary>
    Control,

    /// <summary>The listed nations' teams (and exercise control). Alliance traffic lists the members at the time.</summary>
    Nations,
}

/// <summary>
/// Who may see an event. The rule that emits an event decides its audience, resolving groups (an alliance's
/// members) to nations at that moment, so filtering later is a pure function of the event and the viewer.
/// </summary>
[GenerateSerializer, Alias("Events.Audience"), Immutable]
public sealed record Audience(AudienceKind Kind, ImmutableArray<string> Nations)
{
    public static Audience Public { get; } = new(AudienceKind.Public, []);

    public static Audience Control { get; } = new(AudienceKind.Control, []);

    public static Audience ToNations(IEnumerable<string> nations) =>
        new(AudienceKind.Nations, [.. nations.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public static Audience ToNation(string nation) => new(AudienceKind.Nations, [nation]);

    /// <summary>Whether <paramref name="viewer"/> may see an event with this audience.</summary>
    public bool Allows(Participant viewer) => viewer.Role switch
    {
        ParticipantRole.Facilitator or ParticipantRole.System => true,
        ParticipantRole.Observer => Kind == AudienceKind.Public || viewer.FullView,
        ParticipantRole.Team => Kind == AudienceKind.Public
            || (Kind == AudienceKind.Nations && viewer.Nation is { } nation && Nations.Contains(nation, StringComparer.Ordinal)),
        _ => false,
    };

    public bool Equals(Audience? other) =>
        other is not null && Kind == other.Kind && Nations.SequenceEqual(other.Nations, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Nations.Length);
}
