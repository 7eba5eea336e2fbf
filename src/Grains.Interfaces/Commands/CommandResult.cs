namespace CrisisGrid.Grains.Commands;

/// <summary>
/// The answer to a command, given only after its events are durable. <see cref="LastSequence"/> lets a client wait
/// until its live feed has caught up with its own command.
/// </summary>
/// <remarks>
/// <see cref="Output"/> carries a value the command produced for its caller only (a new join code): it is not in the
/// log, so a retried command (<see cref="Duplicate"/>) comes back without it.
/// </remarks>
[GenerateSerializer, Immutable, Alias("Commands.CommandResult")]
public sealed record CommandResult(bool Accepted, long? FirstSequence, long? LastSequence, Rejection? Rejection, bool Duplicate = false, string? Output = null)
{
    public static CommandResult Rejected(Rejection rejection) => new(false, null, null, rejection);

    public static CommandResult AcceptedAt(long? first, long? last) => new(true, first, last, null);

    public CommandResult AsDuplicate() => this with { Duplicate = true, Output = null };
}
