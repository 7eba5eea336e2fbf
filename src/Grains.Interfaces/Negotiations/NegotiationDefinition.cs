using System.Collections.Immutable;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// A session as convened: its parties (resolved to the nations that act for them), an optional neutral
/// <see cref="Mediator"/> nation, and whether the talks are <see cref="Secret"/> (then not even their existence is
/// public). <see cref="ConvenedBy"/> is the convening nation, or null for exercise control and the scenario.
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.NegotiationDefinition")]
public sealed record NegotiationDefinition(
    string Id,
    string Title,
    ImmutableArray<NegotiationParty> Parties,
    string? Mediator,
    bool Secret,
    string? ConvenedBy);

/// <summary>
/// Talks as a scenario, an inject or a convening command names them: party codes (nations or alliances), not yet
/// resolved. The exercise resolves them against the world when it convenes the session.
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.TalksDefinition")]
public sealed record TalksDefinition(string Id, string Title, ImmutableArray<string> Parties, string? Mediator = null, bool Secret = false);
