using CrisisGrid.Grains.Infrastructure;
using System.Collections.Immutable;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Access;

/// <summary>
/// Keeps an exercise's join codes. Generating the secret is the one impure step: the grain does it and hands only the
/// hash to the rules. The access log lives in the exercise's own log (stream "access"), visible to exercise control.
/// </summary>
public sealed class ExerciseAccessGrain(IEventLog log, RulesClock time, ILogger<ExerciseAccessGrain> logger)
    : Infrastructure.EventSourcedGrain<ExerciseAccessState>(log, time, logger), IExerciseAccessGrain
{
    protected override string ExerciseId => this.GetPrimaryKeyString();

    protected override string Stream => "access";

    protected override ExerciseAccessState InitialState() => ExerciseAccessState.Empty;

    protected override ExerciseAccessState Evolve(ExerciseAccessState state, RecordedEvent recorded) => ExerciseAccessRules.Apply(state, recorded.Event);

    public async Task<CommandResult> IssueJoinCode(CommandContext command, IssueJoinCode issue)
    {
        var exercise = await GrainFactory.GetGrain<IExerciseGrain>(ExerciseId).GetState();
        if (exercise.Status == ExerciseStatus.NotCreated)
        {
            return CommandResult.Rejected(new Rejection(RejectionCodes.NotFound, $"Exercise {ExerciseId} does not exist."));
        }

        var code = JoinCodes.Generate();
        var hash = JoinCodes.Hash(code);
        var codeId = $"code-{State.Codes.Count + 1}";
        var result = await Execute(command, s => ExerciseAccessRules.Issue(s, command.Actor, issue, codeId, hash, [.. exercise.NationCodes]));
        if (!result.Accepted || result.Duplicate)
        {
            return result;
        }

        await GrainFactory.GetGrain<IJoinCodeDirectoryGrain>(hash).Register(ExerciseId);
        return result with { Output = code };
    }

    public Task<CommandResult> RevokeJoinCode(CommandContext command, RevokeJoinCode revoke) =>
        Execute(command, s => ExerciseAccessRules.Revoke(s, command.Actor, revoke));

    public async Task<(string CodeId, JoinGrant Grant)?> Redeem(string codeHash)
    {
        if (!State.CodeIdsByHash.TryGetValue(codeHash, out var codeId) || State.Codes[codeId] is { Revoked: true })
        {
            return null;
        }

        await Record([new PendingEvent(new JoinCodeRedeemed(codeId), Audience.Control)], null);
        return (codeId, State.Codes[codeId].Grant);
    }

    public Task<bool> IsActive(string codeId) => Task.FromResult(State.Codes.TryGetValue(codeId, out var code) && !code.Revoked);

    public Task<ImmutableArray<JoinCodeInfo>> ListCodes(Participant viewer) =>
        Task.FromResult(viewer.IsControl ? [.. State.Codes.Values] : ImmutableArray<JoinCodeInfo>.Empty);
}
