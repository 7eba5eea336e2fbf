using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Hosting;

/// <summary>
/// For the embedded default: creates the sample exercise on first start, and on every start hands out a fresh
/// facilitator code (revoking the previous start's), printed to the console with the address to open.
/// </summary>
public sealed class SampleExerciseSeeder(
    IOptions<GatewayOptions> options,
    ExerciseFactory factory,
    IGrainFactory grains,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<SampleExerciseSeeder> logger) : IHostedService
{
    private const string StartupLabel = "Startup code";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SampleExercise is not { } sample)
        {
            return;
        }

        var exerciseId = $"sample-{sample.Scenario}";
        var exercise = grains.GetGrain<IExerciseGrain>(exerciseId);
        if ((await exercise.GetState()).Status == ExerciseStatus.NotCreated)
        {
            var scenario = await grains.GetGrain<IScenarioLibraryGrain>(0).Find(sample.Scenario);
            if (scenario?.Scenario is null)
            {
                logger.LogError("Sample scenario '{Scenario}' was not found among the silo's scenarios", sample.Scenario);
                return;
            }

            await factory.Create(sample.Name, scenario.Scenario, sample.Seed, exerciseId);
        }

        var access = grains.GetGrain<IExerciseAccessGrain>(exerciseId);
        foreach (var old in (await access.ListCodes(Grains.Access.Participant.System)).Where(c => c.Label == StartupLabel && !c.Revoked))
        {
            await access.RevokeJoinCode(CommandContext.System($"revoke-startup-{old.CodeId}"), new RevokeJoinCode(old.CodeId));
        }

        var code = await factory.IssueFacilitatorCode(exerciseId, StartupLabel);
        lifetime.ApplicationStarted.Register(() => Announce(sample.Name, code));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A deliberate message to the person who ran the command, not a log entry: it goes to stdout, never to the logs.
    private void Announce(string name, string code)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        Console.WriteLine();
        Console.WriteLine($"  CrisisGrid is running at {address}");
        Console.WriteLine($"  Sample exercise: {name}");
        Console.WriteLine($"  Facilitator join code: {code}   (or open {address}/?code={code})");
        Console.WriteLine();
    }
}
