using CrisisGrid.Grains.Access;

namespace CrisisGrid.Grains.Commands;

/// <summary>
/// Travels with every command. <see cref="CommandId"/> is chosen by the client; a grain applies a given id once and
/// answers a retry with the first outcome.
/// </summary>
[GenerateSerializer, Alias("Commands.CommandContext"), Immutable]
public sealed record CommandContext(string CommandId, Participant Actor)
{
    /// <summary>A command the exercise issues to itself (a deadline firing, a fan-out step), with a derived id.</summary>
    public static CommandContext System(string commandId) => new(commandId, Participant.System);

    /// <summary>Derives the id of a step that this command causes in another grain, so the step is idempotent too.</summary>
    public CommandContext Step(string step) => this with { CommandId = $"{CommandId}/{step}" };
}
