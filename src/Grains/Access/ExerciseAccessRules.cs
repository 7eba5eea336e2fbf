using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Access;

/// <summary>Who may hand out and withdraw access to an exercise, and what a code may grant.</summary>
public static class ExerciseAccessRules
{
    public const int MaxLabelLength = 60;

    public static Decision Issue(ExerciseAccessState state, Participant actor, IssueJoinCode command, string codeId, string codeHash, IReadOnlyCollection<string> nations)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden($"Only exercise control can hand out join codes; you are {actor}.");
        }

        if (command.Role == ParticipantRole.System)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "A join code cannot grant the system role.", "role", "facilitator, team, observer");
        }

        if (command.Role == ParticipantRole.Team && (command.Nation is null || !nations.Contains(command.Nation)))
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"A team code needs one of the exercise's nations, not '{command.Nation}'.", "nation", string.Join(", ", nations));
        }

        if (command.Role != ParticipantRole.Team && command.Nation is not null)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"A {command.Role.ToString().ToLowerInvariant()} code is not tied to a nation.", "nation", "null");
        }

        if (command.Label is { Length: > MaxLabelLength })
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "The label is too long.", "label", $"at most {MaxLabelLength} characters");
        }

        var label = string.IsNullOrWhiteSpace(command.Label)
            ? command.Role == ParticipantRole.Team ? $"Team {command.Nation}" : command.Role.ToString()
            : command.Label.Trim();
        return Decision.Accept(new PendingEvent(new JoinCodeIssued(codeId, new JoinGrant(command.Role, command.Nation), label, codeHash), Audience.Control));
    }

    public static Decision Revoke(ExerciseAccessState state, Participant actor, RevokeJoinCode command)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden($"Only exercise control can revoke join codes; you are {actor}.");
        }

        if (!state.Codes.TryGetValue(command.CodeId, out var code))
        {
            return Decision.Reject(RejectionCodes.NotFound, $"No join code '{command.CodeId}'.", "codeId", string.Join(", ", state.Codes.Keys));
        }

        return code.Revoked ? Decision.Accept() : Decision.Accept(new PendingEvent(new JoinCodeRevoked(command.CodeId), Audience.Control));
    }

    public static ExerciseAccessState Apply(ExerciseAccessState state, DomainEvent domainEvent) => domainEvent switch
    {
        JoinCodeIssued e => state with
        {
            Codes = state.Codes.SetItem(e.CodeId, new JoinCodeInfo(e.CodeId, e.Grant, e.Label, false, 0)),
            CodeIdsByHash = state.CodeIdsByHash.SetItem(e.CodeHash, e.CodeId),
        },
        JoinCodeRevoked e when state.Codes.TryGetValue(e.CodeId, out var code) => state with { Codes = state.Codes.SetItem(e.CodeId, code with { Revoked = true }) },
        JoinCodeRedeemed e when state.Codes.TryGetValue(e.CodeId, out var code) => state with { Codes = state.Codes.SetItem(e.CodeId, code with { Redemptions = code.Redemptions + 1 }) },
        _ => state,
    };
}
