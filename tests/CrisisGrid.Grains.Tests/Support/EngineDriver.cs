using System.Text.Json;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Feed;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;
using CrisisGrid.Grains.World;
using CrisisGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Grains.Tests.Support;

/// <summary>Drives one exercise through the real grains, numbering command ids so runs are repeatable.</summary>
internal sealed class EngineDriver(TestSilo silo, string exerciseId = "exercise-1")
{
    private int _commands;

    public string ExerciseId { get; } = exerciseId;

    public TestSilo Silo { get; set; } = silo;

    public IExerciseGrain Exercise => Silo.Grains.GetGrain<IExerciseGrain>(ExerciseId);

    public INationGrain Nation(string code) => Silo.Grains.GetGrain<INationGrain>(GrainKeys.Scoped(ExerciseId, code));

    public IAllianceGrain Alliance(string code) => Silo.Grains.GetGrain<IAllianceGrain>(GrainKeys.Scoped(ExerciseId, code));

    public IExerciseFeedGrain Feed => Silo.Grains.GetGrain<IExerciseFeedGrain>(ExerciseId);

    public CommandContext Command(Participant actor) => new($"c{++_commands}", actor);

    public CommandContext Control() => Command(Participant.Facilitator);

    public static ScenarioDefinition Sample(string id)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Scenarios", "Samples", $"{id}.yaml"));
        Assert.True(result.IsValid, result.Describe());
        return result.Scenario!;
    }

    public async Task<CommandResult> Create(ScenarioDefinition scenario, long seed = 42) =>
        Accepted(await Exercise.Create(Control(), new CreateExercise("Test exercise", scenario, seed)));

    public async Task<CommandResult> Advance() => Accepted(await Exercise.Advance(Control(), new AdvancePhase()));

    public async Task AdvanceTo(int turn, TurnPhase phase)
    {
        for (var guard = 0; guard < 50; guard++)
        {
            var state = await Exercise.GetState();
            if (state.Turn == turn && state.Phase == phase)
            {
                return;
            }

            await Advance();
        }

        Assert.Fail($"Could not reach turn {turn} {phase}.");
    }

    public async Task<CommandResult> Order(string nation, NationAction action, Participant? actor = null) =>
        await Nation(nation).SubmitOrder(Command(actor ?? Participant.Team(nation)), new SubmitOrder($"o{_commands + 1}", action));

    public Task<IReadOnlyList<RecordedEvent>> Log() =>
        Silo.Services.GetRequiredService<IEventLog>().ReadExerciseAsync(ExerciseId);

    /// <summary>The live state of every grain, serialised, to compare with a replay of the log.</summary>
    public async Task<string> LiveState()
    {
        var exercise = await Exercise.GetState();
        var nations = new SortedDictionary<string, NationState>(StringComparer.Ordinal);
        foreach (var code in exercise.NationCodes)
        {
            nations[code] = await Nation(code).GetState();
        }

        return Serialize(exercise, nations);
    }

    public static string Serialize(ExerciseState exercise, IReadOnlyDictionary<string, NationState> nations) =>
        JsonSerializer.Serialize(new { exercise, nations }, EventJson.Options);

    public static string Serialize(WorldState world) => Serialize(world.Exercise, world.Nations);

    public static CommandResult Accepted(CommandResult result)
    {
        Assert.True(result.Accepted, $"Expected acceptance, got: {result.Rejection}");
        return result;
    }
}
