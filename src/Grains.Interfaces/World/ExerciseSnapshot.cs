using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Grains.World;

/// <summary>
/// Everything one viewer may see of an exercise at sequence <see cref="Sequence"/>, with the most recent events they
/// may see (for timelines). A client that applies the events after <see cref="Sequence"/> stays current.
/// </summary>
[GenerateSerializer, Alias("World.ExerciseSnapshot"), Immutable]
public sealed record ExerciseSnapshot(
    string ExerciseId,
    long Sequence,
    Participant Viewer,
    ExerciseView Exercise,
    ImmutableArray<NationView> Nations,
    ImmutableArray<AllianceView> Alliances,
    ImmutableArray<RecordedEvent> Recent);
