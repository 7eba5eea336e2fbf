using CrisisGrid.Gateway.Commands;
using CrisisGrid.Gateway.Identity;
using CrisisGrid.Grains.Feed;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// The live connection of one participant to one exercise (the exercise and role come from the join token, never from
/// the client). Join returns a snapshot; Events then arrive in order; Resync fills what a client missed; Send runs a
/// command. <see cref="GatewayHubFilter"/> checks rate and revocation on every call.
/// </summary>
[Authorize(AuthenticationSchemes = BearerTokenDefaults.AuthenticationScheme)]
public sealed class ExerciseHub(FeedRelay relay, LiveConnections connections, CommandDispatcher dispatcher, IGrainFactory grains, AccessGuard guard)
    : Hub<IExerciseClient>
{
    /// <summary>Events a Resync returns at most; a client further behind gets a snapshot instead.</summary>
    public const int ResyncLimit = 2000;

    public override async Task OnConnectedAsync()
    {
        var identity = ParticipantClaims.Read(Context.User!);
        if (identity is null || !await guard.IsActive(identity))
        {
            throw new HubException("This token does not open an exercise (revoked or not a join token).");
        }

        if (!connections.TryAdd(Context, identity))
        {
            throw new HubException("The gateway is at its connection limit; try again later.");
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Starts the live stream for this connection and returns everything the caller may see now.</summary>
    public async Task<JoinReply> Join()
    {
        var identity = Identity();
        var key = ViewerGroups.Key(identity.Participant);
        await relay.Attach(identity.ExerciseId, key);
        await Groups.AddToGroupAsync(Context.ConnectionId, ViewerGroups.GroupName(identity.ExerciseId, key));
        return new JoinReply(await Feed(identity).GetSnapshot(identity.Participant));
    }

    /// <summary>
    /// What the caller missed after <paramref name="afterSequence"/> (its watermark, a position in its own numbering:
    /// the n-th event it may see).
    /// </summary>
    public async Task<ResyncReply> Resync(long afterSequence)
    {
        var identity = Identity();
        var feed = Feed(identity);
        var page = await feed.ReadFor(identity.Participant, Math.Max(0, afterSequence), ResyncLimit + 1);
        if (page.Events.Length > ResyncLimit || !page.Continues)
        {
            // Too far behind, or the watermark is in a numbering this viewer no longer has (an observer's, from before
            // the review opened): start again from a snapshot.
            return new ResyncReply(null, await feed.GetSnapshot(identity.Participant));
        }

        return new ResyncReply(new EventBatch(identity.ExerciseId, afterSequence, page.To, page.Events), null);
    }

    public async Task<Grains.World.ExerciseSnapshot> Snapshot()
    {
        var identity = Identity();
        return await Feed(identity).GetSnapshot(identity.Participant);
    }

    public Task<CommandReply> Send(CommandEnvelope command) => dispatcher.Dispatch(Identity(), command);

    private ExerciseIdentity Identity() =>
        connections.Identity(Context.ConnectionId) ?? throw new HubException("This connection has no exercise identity.");

    private IExerciseFeedGrain Feed(ExerciseIdentity identity) => grains.GetGrain<IExerciseFeedGrain>(identity.ExerciseId);
}
