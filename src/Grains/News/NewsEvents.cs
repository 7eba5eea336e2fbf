using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.News;

/// <summary>A public news item published by exercise control or by an inject. Moves public support where it says.</summary>
[EventType("news.published"), GenerateSerializer, Immutable]
public sealed record NewsPublished(string NewsId, string Headline, string Body, string Source) : DomainEvent;
