using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Injects;

/// <summary>
/// Injects joined the exercise's MSEL from a CSV file. From here on they are MSEL injects like the scenario's own: due
/// by turn or time, released by exercise control, briefed to their targets. Exercise control only.
/// </summary>
[EventType("exercise.msel-rows-imported"), GenerateSerializer, Alias("Injects.MselRowsImported"), Immutable]
public sealed record MselRowsImported(string FileName, ImmutableArray<InjectDefinition> Injects) : DomainEvent;
