using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Commands;

/// <summary>
/// What a pure rule returns: the events to record, or a rejection. Never both. An accepted decision may hold no
/// events (the command was valid and changes nothing, e.g. extending a deadline by zero).
/// </summary>
public sealed record Decision(IReadOnlyList<PendingEvent> Events, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;

    public static Decision Accept(params IEnumerable<PendingEvent> events) => new([.. events], null);

    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static Decision Reject(string code, string message, string? field = null, string? allowed = null) =>
        Reject(new Rejection(code, message, field, allowed));

    public static Decision Forbidden(string message) => Reject(RejectionCodes.Forbidden, message);

    /// <summary>Chains a further rule on the state the accepted events lead to; a later rejection rejects the whole.</summary>
    public Decision Then(Func<Decision> next)
    {
        if (!IsAccepted)
        {
            return this;
        }

        var more = next();
        return more.IsAccepted ? new Decision([.. Events, .. more.Events], null) : more;
    }
}
