using System.Collections.Immutable;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Access;

/// <summary>Join codes of one exercise. Key: the exercise id.</summary>
[Alias("Access.IExerciseAccessGrain")]
public interface IExerciseAccessGrain : IGrainWithStringKey
{
    /// <summary>Issues a code; the plain code comes back once, in <see cref="CommandResult.Output"/>.</summary>
    Task<CommandResult> IssueJoinCode(CommandContext command, IssueJoinCode issue);

    Task<CommandResult> RevokeJoinCode(CommandContext command, RevokeJoinCode revoke);

    /// <summary>Exchanges a code (by its hash) for the grant it carries; null when unknown or revoked.</summary>
    Task<(string CodeId, JoinGrant Grant)?> Redeem(string codeHash);

    /// <summary>Whether tokens obtained with this code are still good (the code exists and is not revoked).</summary>
    Task<bool> IsActive(string codeId);

    Task<ImmutableArray<JoinCodeInfo>> ListCodes(Participant viewer);
}

/// <summary>Finds the exercise a join code belongs to. One grain per code, keyed by the code's hash.</summary>
[Alias("Access.IJoinCodeDirectoryGrain")]
public interface IJoinCodeDirectoryGrain : IGrainWithStringKey
{
    Task Register(string exerciseId);

    Task<string?> Resolve();
}
