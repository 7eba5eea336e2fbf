using System.Text.Json;
using System.Text.RegularExpressions;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Feed;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Gateway.Commands;

/// <summary>
/// Routes a command to the grain that owns its rules. The gateway checks only the envelope's shape; what a participant
/// may do is decided by the grains (a team's "exercise.advance" reaches the exercise grain and is refused there).
/// </summary>
public sealed partial class CommandDispatcher(IGrainFactory grains, AccessGuard guard)
{
    private delegate Task<CommandResult> Handler(IGrainFactory grains, ExerciseIdentity who, CommandContext command, JsonElement args);

    private static readonly Dictionary<string, Handler> Handlers = new(StringComparer.Ordinal)
    {
        ["exercise.start"] = (g, w, c, _) => Exercise(g, w).Start(c),
        ["exercise.pause"] = (g, w, c, _) => Exercise(g, w).Pause(c),
        ["exercise.resume"] = (g, w, c, _) => Exercise(g, w).Resume(c),
        ["exercise.advance"] = (g, w, c, a) => Exercise(g, w).Advance(c, ArgsOrDefault(a, new AdvancePhase())),
        ["exercise.extendDeadline"] = (g, w, c, a) => Exercise(g, w).ExtendDeadline(c, Args<ExtendDeadline>(a)),
        ["exercise.end"] = (g, w, c, a) => Exercise(g, w).End(c, Args<EndExercise>(a)),
        ["exercise.openReview"] = (g, w, c, _) => Exercise(g, w).OpenReview(c),
        ["exercise.revealArchive"] = (g, w, c, _) => Exercise(g, w).RevealArchive(c),
        ["exercise.assignTeam"] = (g, w, c, a) => Exercise(g, w).AssignTeam(c, Args<AssignTeam>(a)),
        ["exercise.releaseInject"] = (g, w, c, a) => Exercise(g, w).ReleaseInject(c, Args<ReleaseInject>(a)),
        ["exercise.injectAdHoc"] = (g, w, c, a) => Exercise(g, w).InjectAdHoc(c, Args<InjectAdHoc>(a)),
        ["exercise.publishNews"] = (g, w, c, a) => Exercise(g, w).PublishNews(c, Args<PublishNews>(a)),
        ["exercise.overrideOutcome"] = (g, w, c, a) => Exercise(g, w).OverrideOutcome(c, Args<OverrideOutcome>(a)),
        ["exercise.adjustNation"] = (g, w, c, a) => Exercise(g, w).AdjustNation(c, Args<AdjustNation>(a)),
        ["exercise.reviewOutcome"] = (g, w, c, a) => Exercise(g, w).ReviewOutcome(c, Args<Grains.Exercises.AdjudicationReview.ReviewOutcome>(a)),
        ["exercise.releaseResults"] = (g, w, c, a) => Exercise(g, w).ReleaseResults(c, ArgsOrDefault(a, new Grains.Exercises.AdjudicationReview.ReleaseResults())),
        ["exercise.setAdjudicationReview"] = (g, w, c, a) => Exercise(g, w).SetAdjudicationReview(c, Args<Grains.Exercises.AdjudicationReview.SetAdjudicationReview>(a)),
        ["nation.submitOrder"] = (g, w, c, a) =>
        {
            var order = Args<SubmitOrderArgs>(a);
            return Nation(g, w, order.Nation).SubmitOrder(c, new SubmitOrder(order.OrderId, order.Action));
        },
        ["nation.withdrawOrder"] = (g, w, c, a) =>
        {
            var withdraw = Args<WithdrawOrderArgs>(a);
            return Nation(g, w, withdraw.Nation).WithdrawOrder(c, new WithdrawOrder(withdraw.OrderId));
        },
        ["alliance.requestConsultation"] = (g, w, c, a) => Alliance<RequestConsultation>(g, w, a, (x, m) => x.RequestConsultation(c, m)),
        ["alliance.conveneConsultation"] = (g, w, c, a) => Alliance<ConveneConsultation>(g, w, a, (x, m) => x.ConveneConsultation(c, m)),
        ["alliance.recordPosition"] = (g, w, c, a) => Alliance<RecordPosition>(g, w, a, (x, m) => x.RecordPosition(c, m)),
        ["alliance.tableDraft"] = (g, w, c, a) => Alliance<TableDraft>(g, w, a, (x, m) => x.TableDraft(c, m)),
        ["alliance.castVote"] = (g, w, c, a) => Alliance<CastVote>(g, w, a, (x, m) => x.CastVote(c, m)),
        ["alliance.breakSilence"] = (g, w, c, a) => Alliance<BreakSilence>(g, w, a, (x, m) => x.BreakSilence(c, m)),
        ["alliance.withdrawDraft"] = (g, w, c, a) => Alliance<WithdrawDraft>(g, w, a, (x, m) => x.WithdrawDraft(c, m)),
        ["alliance.recordDefenceResponse"] = (g, w, c, a) => Alliance<RecordDefenceResponse>(g, w, a, (x, m) => x.RecordDefenceResponse(c, m)),
        ["alliance.giveWithdrawalNotice"] = (g, w, c, a) => Alliance<GiveWithdrawalNotice>(g, w, a, (x, m) => x.GiveWithdrawalNotice(c, m)),
        ["alliance.pledgeResources"] = (g, w, c, a) => Alliance<PledgeResources>(g, w, a, (x, m) => x.PledgeResources(c, m)),
        ["alliance.recordPledgeDelivery"] = (g, w, c, a) => Alliance<RecordPledgeDelivery>(g, w, a, (x, m) => x.RecordPledgeDelivery(c, m)),
        ["alliance.shareIntelligence"] = (g, w, c, a) => Alliance<ShareIntelligenceReport>(g, w, a, (x, m) => x.ShareIntelligence(c, m)),
        ["negotiation.convene"] = (g, w, c, a) => Exercise(g, w).ConveneNegotiation(c, NegotiationCommandArgs.Read<ConveneNegotiation>(a, w, needsSession: false).Command),
        ["negotiation.respond"] = (g, w, c, a) => Negotiation<RespondToInvitation>(g, w, a, (x, m) => x.RespondToInvitation(c, m)),
        ["negotiation.openingStatement"] = (g, w, c, a) => Negotiation<MakeOpeningStatement>(g, w, a, (x, m) => x.MakeOpeningStatement(c, m)),
        ["negotiation.post"] = (g, w, c, a) => Negotiation<PostMessage>(g, w, a, (x, m) => x.PostMessage(c, m)),
        ["negotiation.propose"] = (g, w, c, a) => Negotiation<ProposeText>(g, w, a, (x, m) => x.ProposeText(c, m)),
        ["negotiation.sign"] = (g, w, c, a) => Negotiation<SignText>(g, w, a, (x, m) => x.Sign(c, m)),
        ["negotiation.walkOut"] = (g, w, c, a) => Negotiation<WalkOut>(g, w, a, (x, m) => x.WalkOut(c, m)),
        ["negotiation.ruleMandate"] = (g, w, c, a) => Negotiation<RuleMandate>(g, w, a, (x, m) => x.RuleMandate(c, m)),
        ["negotiation.ruleBreachUnfounded"] = (g, w, c, a) => Negotiation<RuleBreachUnfounded>(g, w, a, (x, m) => x.RuleBreachUnfounded(c, m)),
        ["negotiation.conclude"] = (g, w, c, a) => Negotiation<ConcludeAgreement>(g, w, a, (x, m) => x.Conclude(c, m)),
        ["access.issueJoinCode"] = (g, w, c, a) => g.GetGrain<IExerciseAccessGrain>(w.ExerciseId).IssueJoinCode(c, Args<IssueJoinCode>(a)),
        ["access.revokeJoinCode"] = (g, w, c, a) => g.GetGrain<IExerciseAccessGrain>(w.ExerciseId).RevokeJoinCode(c, Args<RevokeJoinCode>(a)),
    };

    /// <summary>Every command type the gateway understands.</summary>
    public static IReadOnlyCollection<string> Types => Handlers.Keys;

    public async Task<CommandReply> Dispatch(ExerciseIdentity who, CommandEnvelope? envelope)
    {
        if (envelope is null)
        {
            return CommandReply.Malformed("The request has no command.", null, "{\"commandId\": …, \"type\": …, \"args\": {…}}");
        }

        if (envelope.CommandId is null || !CommandIdPattern().IsMatch(envelope.CommandId))
        {
            return CommandReply.Malformed("A command needs a client-chosen id.", "commandId", "1 to 100 letters, digits or . _ : -");
        }

        if (envelope.Type is null || !Handlers.TryGetValue(envelope.Type, out var handler))
        {
            return CommandReply.Malformed($"Unknown command type '{envelope.Type}'.", "type", string.Join(", ", Types.Order(StringComparer.Ordinal)));
        }

        if (envelope.Args is { } raw && Errors.JsonShapeCheck.Check(raw, "args") is { } shape)
        {
            return CommandReply.Malformed(shape.Detail, shape.Field, shape.Allowed);
        }

        // Ids are scoped to the join code, so two participants choosing the same id never collide.
        var command = new CommandContext($"{who.CodeId}:{envelope.CommandId}", who.Participant);
        CommandResult result;
        try
        {
            result = await SiloLossRetry.Run(() => handler(grains, who, command, envelope.Args ?? default));
        }
        catch (JsonException ex)
        {
            var (detail, field, allowed) = Errors.JsonProblemWords.Describe(ex, "args");
            return CommandReply.Malformed(detail, field, allowed);
        }
        catch (MalformedArgsException ex)
        {
            return CommandReply.Malformed(ex.Message, ex.Field, ex.Allowed);
        }

        if (result.Accepted && envelope.Type == "access.revokeJoinCode" && !result.Duplicate)
        {
            guard.Revoked(who.ExerciseId, Args<RevokeJoinCode>(envelope.Args ?? default).CodeId);
        }

        return await InViewerNumbers(who, CommandReply.From(result));
    }

    /// <summary>
    /// A command's sequence numbers as its sender may see them: a team is told its own positions (the n-th event it
    /// may see), never the log's, which would tell it how much happened out of its sight (docs/visibility.md).
    /// </summary>
    private async Task<CommandReply> InViewerNumbers(ExerciseIdentity who, CommandReply reply)
    {
        if (reply is not { FirstSequence: { } first, LastSequence: { } last } || VisibilityPolicy.NumberingOf(who.Participant) is null)
        {
            return reply;
        }

        var feed = grains.GetGrain<IExerciseFeedGrain>(who.ExerciseId);
        return reply with
        {
            FirstSequence = await feed.PositionAt(who.Participant, first - 1) + 1,
            LastSequence = await feed.PositionAt(who.Participant, last),
        };
    }

    private static Task<CommandResult> Alliance<T>(IGrainFactory grains, ExerciseIdentity who, JsonElement args, Func<IAllianceGrain, T, Task<CommandResult>> send)
    {
        var (alliance, command) = AllianceCommandArgs.Read<T>(args, who, defaultMember: typeof(T) != typeof(ConveneConsultation) || !who.Participant.IsControl);
        return send(grains.GetGrain<IAllianceGrain>(GrainKeys.Scoped(who.ExerciseId, alliance)), command);
    }

    private static Task<CommandResult> Negotiation<T>(IGrainFactory grains, ExerciseIdentity who, JsonElement args, Func<INegotiationGrain, T, Task<CommandResult>> send)
    {
        var (session, command) = NegotiationCommandArgs.Read<T>(args, who);
        return send(grains.GetGrain<INegotiationGrain>(GrainKeys.Scoped(who.ExerciseId, session)), command);
    }

    private static IExerciseGrain Exercise(IGrainFactory grains, ExerciseIdentity who) => grains.GetGrain<IExerciseGrain>(who.ExerciseId);

    private static INationGrain Nation(IGrainFactory grains, ExerciseIdentity who, string? nation)
    {
        var code = nation ?? who.Participant.Nation
            ?? throw new MalformedArgsException("Exercise control must say which nation the order is for.", "args.nation", "a nation code");
        return grains.GetGrain<INationGrain>(GrainKeys.Scoped(who.ExerciseId, code));
    }

    private static T Args<T>(JsonElement args)
    {
        if (args.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw new MalformedArgsException("This command needs arguments.", "args", $"an object with the fields of {typeof(T).Name}");
        }

        return args.Deserialize<T>(GatewayJson.Options) ?? throw new MalformedArgsException("The arguments are null.", "args", "an object");
    }

    private static T ArgsOrDefault<T>(JsonElement args, T fallback) =>
        args.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? fallback : Args<T>(args);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex CommandIdPattern();
}

/// <summary>The arguments are well-formed JSON but do not make a command.</summary>
public sealed class MalformedArgsException : Exception
{
    public MalformedArgsException() : this("Malformed arguments.") { }

    public MalformedArgsException(string message) : this(message, "args", "") { }

    public MalformedArgsException(string message, Exception inner) : base(message, inner)
    {
        Field = "args";
        Allowed = "";
    }

    public MalformedArgsException(string message, string field, string allowed) : base(message)
    {
        Field = field;
        Allowed = allowed;
    }

    public string Field { get; }

    public string Allowed { get; }
}
