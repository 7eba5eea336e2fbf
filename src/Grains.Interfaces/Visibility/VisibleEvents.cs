using System.Collections.Immutable;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Visibility;

/// <summary>
/// A page of the events one viewer may see, numbered in its own numbering (<see cref="ViewerNumbering"/>): the
/// events with positions in (<see cref="From"/>, <see cref="To"/>]. <see cref="Continues"/> is false when
/// <see cref="From"/> belongs to a numbering the viewer no longer has (an observer's, before the review opened):
/// a client there needs a fresh snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("Visibility.VisibleEvents")]
public sealed record VisibleEvents(long From, long To, ImmutableArray<RecordedEvent> Events, bool Continues);
