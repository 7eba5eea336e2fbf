using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Alliances;

/// <summary>One alliance in one exercise; it enforces its charter. Key: "{exerciseId}/{allianceCode}".</summary>
public interface IAllianceGrain : IGrainWithStringKey
{
    Task<CommandResult> Initialize(CommandContext command, InitializeAlliance initialize);

    /// <summary>An armed attack happened; if the victim is a member, the alliance puts it on record.</summary>
    Task<CommandResult> RecordArmedAttack(CommandContext command, RecordArmedAttack attack);
}
