using System.Text.RegularExpressions;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// The shapes of codes and ids. They become grain keys ("{exerciseId}/{code}") and stream names, so they are kept
/// to letters, digits and hyphens — never the key separator '/'.
/// </summary>
internal static partial class Identifiers
{
    /// <summary>Nation and alliance codes: short, upper case, like ISO country codes (ARD, NSP).</summary>
    public const string CodeAllowed = "2 to 12 upper-case letters or digits, starting with a letter, such as ARD";

    /// <summary>Scenario, team, inject and article ids: kebab-case.</summary>
    public const string IdAllowed = "lower-case letters, digits and hyphens (up to 64), starting with a letter or digit, such as border-incident-1";

    [GeneratedRegex(@"^[A-Z][A-Z0-9]{1,11}$")]
    public static partial Regex Code();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex Id();
}
