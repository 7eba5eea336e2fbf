namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// A member's pledge of <see cref="Amount"/> units of <see cref="Resource"/> (e.g. "battalions", "M€"), due by
/// <see cref="DueBy"/>. Deliveries add up in <see cref="Delivered"/>; once due, what is missing is a shortfall.
/// </summary>
[GenerateSerializer, Alias("Alliances.Pledge"), Immutable]
public sealed record Pledge(
    string Id,
    string Member,
    string Resource,
    int Amount,
    int Delivered,
    DateTimeOffset PledgedAt,
    DateTimeOffset DueBy,
    bool FellDue)
{
    public int Outstanding => Math.Max(0, Amount - Delivered);
}
