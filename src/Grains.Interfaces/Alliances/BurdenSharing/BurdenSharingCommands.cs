namespace CrisisGrid.Grains.Alliances;

/// <summary>A member pledges <paramref name="Amount"/> units of <paramref name="Resource"/>, to be delivered within <paramref name="DueWithin"/>.</summary>
[GenerateSerializer, Alias("Alliances.PledgeResources"), Immutable]
public sealed record PledgeResources(string PledgeId, string Member, string Resource, int Amount, TimeSpan DueWithin);

/// <summary>The pledging member delivers part or all of what is still outstanding.</summary>
[GenerateSerializer, Alias("Alliances.RecordPledgeDelivery"), Immutable]
public sealed record RecordPledgeDelivery(string PledgeId, string Member, int Amount);
