using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Alliances;

/// <summary>
/// An alliance under pure rules, as its grain would run them, with a clock the test moves. Members act as their own
/// teams unless a test passes another actor. Nations of the exercise: EST, FIN, NOR, RUS, SWE (FIN is outside NAT,
/// a candidate for admission; RUS is the aggressor).
/// </summary>
internal sealed class AllianceBed
{
    public static readonly ImmutableArray<string> Nations = ["EST", "FIN", "NOR", "RUS", "SWE"];
    public static readonly TimeSpan ConveneWithin = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan PositionsDueWithin = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan WithdrawalNotice = TimeSpan.FromHours(24);
    public static readonly TimeSpan VoteDeadline = TimeSpan.FromMinutes(30);

    private AllianceBed(RuleHarness<AllianceState> harness) => Harness = harness;

    public RuleHarness<AllianceState> Harness { get; }

    public AllianceState State => Harness.State;

    public DateTimeOffset Now
    {
        get => Harness.Now;
        set => Harness.Now = value;
    }

    public static AllianceBed Create(
        Charter? charter = null,
        ImmutableArray<string>? members = null,
        AllianceType type = AllianceType.Multilateral)
    {
        var harness = new RuleHarness<AllianceState>(AllianceState.Empty("NAT"), StreamNames.Alliance("NAT"), (s, e) => AllianceEvolve.Apply(s, e.Event));
        var definition = new AllianceDefinition("NAT", "Northern Alliance Treaty", type, members ?? ["EST", "NOR", "SWE"], charter ?? Charter());
        harness.Accept(s => AllianceRules.Initialize(s, Participant.Facilitator, new InitializeAlliance(definition, Nations)));
        return new AllianceBed(harness);
    }

    /// <summary>A charter with consensus by default and <paramref name="rules"/> for particular kinds.</summary>
    public static Charter Charter(params (DecisionKind Kind, DecisionRule Rule)[] rules) => new(
        [new CharterArticle("art4", ArticleKind.Consultation, "Consultation", "The parties will consult together…")],
        new ConsultationTerms(ConveneWithin, PositionsDueWithin),
        rules.Aggregate(
            ImmutableDictionary<DecisionKind, DecisionRule>.Empty.Add(DecisionKind.Default, new DecisionRule(DecisionRuleKind.Consensus, VoteDeadline)),
            (all, r) => all.SetItem(r.Kind, r.Rule)),
        WithdrawalNotice);

    public static Charter CharterWithDefault(DecisionRule rule) => Charter((DecisionKind.Default, rule));

    public static DecisionRule Rule(DecisionRuleKind kind, double? threshold = null, ImmutableDictionary<string, int>? weights = null, double? quorum = null) =>
        new(kind, VoteDeadline, threshold, weights, quorum);

    public static Participant Team(string nation) => Participant.Team(nation);

    public void Advance(TimeSpan by) => Now += by;

    // Rules run on play time, as the grain runs them: wall time with the exercise's pauses taken out.
    public Decision Do(Func<AllianceState, DateTimeOffset, Decision> rule) => Harness.Do(s => rule(s, ExerciseTime.PlayTime(s.Clock, Now)));

    public Decision Accept(Func<AllianceState, DateTimeOffset, Decision> rule) => Harness.Accept(s => rule(s, ExerciseTime.PlayTime(s.Clock, Now)));

    /// <summary>The exercise reports its clock (through its outbox) at the bed's current instant.</summary>
    public Decision FollowClock(ExerciseStatus status, int turn = 1, TurnPhase phase = TurnPhase.Planning) =>
        Harness.Accept(s => AllianceRules.FollowExerciseClock(s, Participant.Facilitator, new FollowExerciseClock(status, turn, phase, Now)));

    /// <summary>What the grain's reminder would record now.</summary>
    public Decision Settle() => Accept(AllianceRules.ProcessDeadlines);

    public Decision Request(string member, string id = "c1", string? threat = "Ruthenian troops crossed the border at Narva.", string? injectId = null, Participant? actor = null) =>
        Do((s, now) => AllianceRules.RequestConsultation(s, actor ?? Team(member), new RequestConsultation(id, member, injectId, threat), now));

    public Decision Convene(string? member, string id = "c1", Participant? actor = null) =>
        Do((s, now) => AllianceRules.ConveneConsultation(s, actor ?? (member is null ? Participant.Facilitator : Team(member)), new ConveneConsultation(id, member), now));

    public Decision Position(string member, PositionKind position, string id = "c1", string? text = null, Participant? actor = null) =>
        Do((s, now) => AllianceRules.RecordPosition(s, actor ?? Team(member), new RecordPosition(id, member, position, text), now));

    public Decision Table(string member, DraftProposal proposal, string id = "d1", Participant? actor = null) =>
        Do((s, now) => AllianceRules.TableDraft(s, actor ?? Team(member), new TableDraft(id, member, proposal), now));

    public Decision Vote(string member, VoteChoice choice, string id = "d1", Participant? actor = null) =>
        Do((s, now) => AllianceRules.CastVote(s, actor ?? Team(member), new CastVote(id, member, choice), now));

    public Decision BreakSilence(string member, string reason = "We need more time to consult our parliament.", string id = "d1", Participant? actor = null) =>
        Do((s, now) => AllianceRules.BreakSilence(s, actor ?? Team(member), new BreakSilence(id, member, reason), now));

    public Decision Withdraw(string member, string id = "d1", Participant? actor = null) =>
        Do((s, now) => AllianceRules.WithdrawDraft(s, actor ?? Team(member), new WithdrawDraft(id, member), now));

    public Decision Respond(string member, ResponseKind kind = ResponseKind.Military, string invocation = "d1", Participant? actor = null) =>
        Do((s, now) => AllianceRules.RecordDefenceResponse(s, actor ?? Team(member), new RecordDefenceResponse(invocation, member, kind, "Two battalions to Estmark."), now));

    public Decision GiveNotice(string member, Participant? actor = null) =>
        Do((s, now) => AllianceRules.GiveWithdrawalNotice(s, actor ?? Team(member), new GiveWithdrawalNotice(member, "Domestic pressure."), now));

    public Decision Pledge(string member, int amount, string id = "p1", TimeSpan? dueWithin = null, Participant? actor = null) =>
        Do((s, now) => AllianceRules.PledgeResources(s, actor ?? Team(member), new PledgeResources(id, member, "battalions", amount, dueWithin ?? TimeSpan.FromHours(2)), now));

    public Decision Deliver(string member, int amount, string id = "p1", Participant? actor = null) =>
        Do((s, now) => AllianceRules.RecordPledgeDelivery(s, actor ?? Team(member), new RecordPledgeDelivery(id, member, amount), now));

    public Decision Share(string member, string id = "r1", Participant? actor = null) =>
        Do((s, now) => AllianceRules.ShareIntelligence(s, actor ?? Team(member), new ShareIntelligenceReport(id, member, "Armour massing", "Two tank brigades near the border.", "RUS"), now));

    public Decision RecordAttack(string victim = "EST", string attackId = "attack-1") =>
        Do((s, now) => AllianceRules.RecordArmedAttack(s, Participant.Facilitator, new RecordArmedAttack(attackId, "RUS", victim, "inject-7"), now));

    public Draft Draft(string id = "d1") => State.Drafts[id];

    public Consultation Consultation(string id = "c1") => State.Consultations[id];

    /// <summary>Every member in <paramref name="members"/> votes <paramref name="choice"/>, each accepted.</summary>
    public void AllVote(VoteChoice choice, string id, params string[] members)
    {
        foreach (var member in members)
        {
            Assert.True(Vote(member, choice, id).IsAccepted);
        }
    }
}
