using System.Security.Cryptography;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Gateway.Hosting;

/// <summary>Creates an exercise and the first facilitator join code for whoever created it.</summary>
public sealed class ExerciseFactory(IGrainFactory grains)
{
    public sealed record Created(string ExerciseId, string? FacilitatorCode, Rejection? Rejection);

    public async Task<Created> Create(string name, ScenarioDefinition scenario, long? seed, string? exerciseId = null)
    {
        exerciseId ??= $"{scenario.Id}-{Suffix()}";
        var result = await grains.GetGrain<IExerciseGrain>(exerciseId).Create(
            CommandContext.System("create"),
            new CreateExercise(name, scenario, seed ?? RandomNumberGenerator.GetInt32(int.MaxValue)));
        if (!result.Accepted)
        {
            return new Created(exerciseId, null, result.Rejection);
        }

        return new Created(exerciseId, await IssueFacilitatorCode(exerciseId, "Exercise control"), null);
    }

    public async Task<string> IssueFacilitatorCode(string exerciseId, string label)
    {
        var result = await grains.GetGrain<IExerciseAccessGrain>(exerciseId).IssueJoinCode(
            CommandContext.System($"issue-{Guid.NewGuid():N}"),
            new IssueJoinCode(ParticipantRole.Facilitator, null, label));
        return result.Output ?? throw new InvalidOperationException($"No facilitator code for {exerciseId}: {result.Rejection}");
    }

    // Six characters of base32: exercise ids stay short enough to read out, and collisions are negligible.
    private static string Suffix() => JoinCodes.Generate().Replace("-", "", StringComparison.Ordinal)[..6].ToLowerInvariant();
}
