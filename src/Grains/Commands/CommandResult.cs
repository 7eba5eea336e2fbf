namespace CrisisGrid.Grains.Commands;

/// <summary>
/// The answer to a command, given only after its events are durable. <see cref="LastSequence"/> lets a client wait
/// until its live feed has caught up with its own command.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommandResult(bool Accepted, long? FirstSequence, long? LastSequence, Rejection? Rejection, bool Duplicate = false)
{
    public static CommandResult Rejected(Rejection rejection) => new(false, null, null, rejection);

    public static CommandResult AcceptedAt(long? first, long? last) => new(true, first, last, null);

    public CommandResult AsDuplicate() => this with { Duplicate = true };
}
