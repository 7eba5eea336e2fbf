using System.Collections.Immutable;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.News;

/// <summary>
/// A public news item from exercise control, an inject or adjudication. <paramref name="PublicSupport"/> moves the
/// named nations' public support (media coverage moves it, DOMAIN.md).
/// </summary>
[EventType("news.published"), GenerateSerializer, Alias("News.NewsPublished"), Immutable]
public sealed record NewsPublished(
    string NewsId,
    string Headline,
    string Body,
    string Source,
    ImmutableSortedDictionary<string, int>? PublicSupport = null) : DomainEvent;
