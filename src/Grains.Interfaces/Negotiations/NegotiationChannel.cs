using System.Text.Json.Serialization;

namespace CrisisGrid.Grains.Negotiations;

[GenerateSerializer, Alias("Negotiations.ChannelKind")]
public enum ChannelKind
{
    /// <summary>All parties and the mediator.</summary>
    Plenary,

    /// <summary>The mediator with one party (<see cref="NegotiationChannel.Party"/>).</summary>
    Caucus,

    /// <summary>Two parties in private: not their allies, not the mediator; only exercise control also reads it.</summary>
    Backchannel,
}

/// <summary>Where a message lives. A caucus names its party; a backchannel its two parties (in any order).</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.NegotiationChannel")]
public sealed record NegotiationChannel(ChannelKind Kind, string? Party = null, string? Other = null)
{
    public static NegotiationChannel Plenary { get; } = new(ChannelKind.Plenary);

    public static NegotiationChannel Caucus(string party) => new(ChannelKind.Caucus, party);

    /// <summary>A backchannel, its parties in code order so the same two parties always name the same channel.</summary>
    public static NegotiationChannel Backchannel(string a, string b) =>
        string.CompareOrdinal(a, b) <= 0 ? new(ChannelKind.Backchannel, a, b) : new(ChannelKind.Backchannel, b, a);

    /// <summary>The channel in its canonical form (backchannel parties ordered).</summary>
    public NegotiationChannel Canonical() =>
        Kind == ChannelKind.Backchannel && Party is not null && Other is not null ? Backchannel(Party, Other) : this;

    [JsonIgnore]
    public string Name => Kind switch
    {
        ChannelKind.Plenary => "plenary",
        ChannelKind.Caucus => $"caucus with {Party}",
        _ => $"backchannel {Party}–{Other}",
    };
}
