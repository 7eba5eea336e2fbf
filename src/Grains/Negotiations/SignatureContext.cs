using System.Collections.Immutable;
using CrisisGrid.Grains.Alliances;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// What other grains said before a signature, gathered by the session grain so the signing rule stays pure: the
/// alliance's answer when an alliance party signs, and each alliance's answer for a peacekeeping clause that names it.
/// </summary>
public sealed record SignatureContext(Authorisation? PartyAuthorisation, ImmutableDictionary<string, Authorisation> Mandates)
{
    public static SignatureContext None { get; } = new(null, ImmutableDictionary<string, Authorisation>.Empty);
}
