namespace CrisisGrid.Grains.Commands;

/// <summary>
/// Why a rule refused a command: a stable machine-readable <see cref="Code"/>, a sentence for people, the
/// <see cref="Field"/> at fault (if any) and what would have been <see cref="Allowed"/>. A rejected command changes nothing.
/// </summary>
[GenerateSerializer, Alias("Commands.Rejection"), Immutable]
public sealed record Rejection(string Code, string Message, string? Field = null, string? Allowed = null)
{
    public override string ToString() =>
        Message + (Field is null ? "" : $" (field: {Field})") + (Allowed is null ? "" : $" Allowed: {Allowed}.");
}

/// <summary>Well-known rejection codes shared by several grains.</summary>
public static class RejectionCodes
{
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string InvalidState = "invalid-state";
    public const string InvalidArgument = "invalid-argument";
    public const string NotInitialized = "not-initialized";
}
