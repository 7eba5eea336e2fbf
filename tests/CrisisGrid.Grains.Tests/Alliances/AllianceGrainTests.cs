using System.Text.Json;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Grains.World;
using Orleans.Runtime;
using CrisisGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Grains.Tests.Alliances;

/// <summary>
/// The alliance grain in the in-process silo on SQLite, with the small sample scenario: alliance NCP of ARD (team),
/// CAL and DUN (exercise control); joint deployments by weighted qualified majority (ARD 3, CAL 2, DUN 1, threshold
/// 0.6), collective statements by a 5-minute silence procedure, everything else by consensus in 10 minutes.
/// </summary>
public sealed class AllianceGrainTests : EngineTest
{
    private const string Statement = "The Northern Compact stands united.";

    private IAllianceGrain Compact => Driver.Alliance("NCP");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
    }

    private CommandContext Ardenia() => Driver.Command(Participant.Team("ARD"));

    private Task<CommandResult> TableStatement() =>
        Compact.TableDraft(Ardenia(), new TableDraft("d1", "ARD", new CollectiveStatementProposal(Statement)));

    private async Task<IReadOnlyList<RecordedEvent>> AllianceLog() =>
        [.. (await Driver.Log()).Where(e => e.Stream == "alliance/NCP")];

    private async Task<IReadOnlyList<ReminderEntry>> AllianceReminders() =>
        [.. (await Driver.Silo.Services.GetRequiredService<IReminderTable>().ReadRows(0, 0)).Reminders
            .Where(r => r.ReminderName == AllianceGrain.DeadlineReminderName)];

    // What Orleans' reminder service does when the durable reminder comes due: Orleans runs reminders on the real
    // clock, which this test cannot move, so the tick is delivered as the service would deliver it.
    private Task TickStoredReminder(ReminderEntry entry) =>
        Driver.Silo.Grains.GetGrain<IRemindable>(entry.GrainId).ReceiveReminder(entry.ReminderName, default);

    [Fact]
    public async Task The_scenarios_alliance_is_set_up_with_its_charter()
    {
        var state = await Compact.GetState();
        Assert.True(state.Initialized);
        Assert.Equal(["ARD", "CAL", "DUN"], state.Members);
        Assert.Equal(DecisionRuleKind.SilenceProcedure, state.Charter.RuleFor(DecisionKind.CollectiveStatement).Kind);
    }

    [Fact]
    public async Task A_silence_procedure_deadline_that_falls_while_the_process_is_down_is_recorded_after_restart_by_the_reminder()
    {
        EngineDriver.Accepted(await TableStatement());
        var deadline = (await Compact.GetState()).Drafts["d1"].Deadline;
        await Driver.Silo.DisposeAsync();

        Driver.Silo.Time.Advance(TimeSpan.FromHours(2)); // nothing runs while the clock moves
        Driver.Silo = await TestSilo.StartAsync(Driver.Silo.DatabasePath, Driver.Silo.Time);

        // Nobody calls the alliance: its durable reminder survived the restart and wakes it; the draft passes,
        // stamped with its deadline.
        await TickStoredReminder(Assert.Single(await AllianceReminders()));
        await Eventually(async () => (await AllianceLog()).Any(e => e.Event is DraftDecided));
        var decided = (await AllianceLog()).Select(e => e.Event).OfType<DraftDecided>().Single();
        Assert.Equal((DraftStatus.Passed, deadline), (decided.Result.Status, decided.Result.At));
        Assert.Empty(await AllianceReminders()); // nothing left pending: the reminder is gone
    }

    [Fact]
    public async Task A_deadline_missed_with_no_reminder_at_all_is_recorded_by_the_next_call_at_its_deadline()
    {
        EngineDriver.Accepted(await TableStatement());
        var deadline = (await Compact.GetState()).Drafts["d1"].Deadline;
        var reminders = Driver.Silo.Services.GetRequiredService<IReminderTable>();
        var entry = Assert.Single(await AllianceReminders());
        await reminders.RemoveRow(entry.GrainId, entry.ReminderName, entry.ETag!); // as if the reminder were lost
        await Driver.Silo.DisposeAsync();

        Driver.Silo.Time.Advance(TimeSpan.FromHours(2));
        Driver.Silo = await TestSilo.StartAsync(Driver.Silo.DatabasePath, Driver.Silo.Time);

        // Breaking silence now is too late: the call first records that the draft passed at its deadline.
        var late = await Compact.BreakSilence(Driver.Command(Participant.Facilitator), new BreakSilence("d1", "CAL", "Too late."));
        Assert.Equal(AllianceRejectionCodes.DraftClosed, late.Rejection?.Code);
        var draft = (await Compact.GetState()).Drafts["d1"];
        Assert.Equal((DraftStatus.Passed, deadline), (draft.Status, draft.Result!.At));
    }

    [Fact]
    public async Task A_live_reminder_decides_the_draft_at_its_deadline_and_one_tick_before_nothing_happens()
    {
        EngineDriver.Accepted(await TableStatement());
        var deadline = (await Compact.GetState()).Drafts["d1"].Deadline;
        Driver.Silo.Time.SetUtcNow(deadline.AddTicks(-1));
        Assert.DoesNotContain(await AllianceLog(), e => e.Event is DraftDecided);

        Driver.Silo.Time.Advance(TimeSpan.FromTicks(1));
        await Eventually(async () => (await AllianceLog()).Any(e => e.Event is DraftDecided));
        Assert.Equal(DraftStatus.Passed, (await AllianceLog()).Select(e => e.Event).OfType<DraftDecided>().Single().Result.Status);
    }

    [Fact]
    public async Task An_unauthorised_joint_deployment_is_refused_by_the_nation_grain_naming_the_missing_decision_and_counted_once_by_the_alliance()
    {
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        var command = Ardenia();
        var order = new SubmitOrder("o1", new JointDeployment("NCP", "DUN"));
        var refused = await Driver.Nation("ARD").SubmitOrder(command, order);
        Assert.Equal(AllianceRejectionCodes.NotAuthorised, refused.Rejection?.Code);
        Assert.Equal("NCP has no passed jointDeployment decision authorising a deployment to DUN; table one first.", refused.Rejection!.Message);
        await Driver.Nation("ARD").SubmitOrder(command, order); // a retry of the same command

        var attempt = Assert.Single((await Compact.GetState()).UnauthorisedAttempts);
        Assert.Equal(("ARD", DecisionKind.JointDeployment, "DUN"), (attempt.Member, attempt.Kind, attempt.Subject));
        Assert.Empty((await Driver.Nation("ARD").GetState()).Orders);
    }

    [Fact]
    public async Task A_suspended_member_acting_in_the_alliances_name_is_refused_and_its_attempt_recorded()
    {
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Compact.TableDraft(Ardenia(), new TableDraft("j1", "ARD", new JointDeploymentProposal("ARD"))));
        EngineDriver.Accepted(await Compact.CastVote(Ardenia(), new CastVote("j1", "ARD", VoteChoice.Yes)));
        EngineDriver.Accepted(await Compact.CastVote(Driver.Control(), new CastVote("j1", "CAL", VoteChoice.Yes)));
        EngineDriver.Accepted(await Compact.TableDraft(Ardenia(), new TableDraft("s1", "ARD", new SuspensionProposal("DUN"))));
        EngineDriver.Accepted(await Compact.CastVote(Ardenia(), new CastVote("s1", "ARD", VoteChoice.Yes)));
        EngineDriver.Accepted(await Compact.CastVote(Driver.Control(), new CastVote("s1", "CAL", VoteChoice.Yes)));
        Assert.True((await Compact.GetState()).IsSuspended("DUN"));

        // DUN is played by exercise control; the passed decision would authorise a member in good standing.
        var refused = await Driver.Order("DUN", new JointDeployment("NCP", "ARD"), Participant.Facilitator);
        Assert.Equal(RejectionCodes.Forbidden, refused.Rejection?.Code);
        Assert.Contains("suspended", refused.Rejection!.Message, StringComparison.Ordinal);
        Assert.Equal("DUN", Assert.Single((await Compact.GetState()).UnauthorisedAttempts).Member);
        EngineDriver.Accepted(await Driver.Order("CAL", new JointDeployment("NCP", "ARD"), Participant.Facilitator));
    }

    [Fact]
    public async Task An_authorised_joint_deployment_is_accepted_and_adjudicated()
    {
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Compact.TableDraft(Ardenia(), new TableDraft("j1", "ARD", new JointDeploymentProposal("DUN"))));
        EngineDriver.Accepted(await Compact.CastVote(Ardenia(), new CastVote("j1", "ARD", VoteChoice.Yes)));
        // CAL is played by exercise control, which votes in its name: 3 + 2 of 6 ≥ 0.6.
        EngineDriver.Accepted(await Compact.CastVote(Driver.Control(), new CastVote("j1", "CAL", VoteChoice.Yes)));
        Assert.Equal(DraftStatus.Passed, (await Compact.GetState()).Drafts["j1"].Status);

        EngineDriver.Accepted(await Driver.Order("ARD", new JointDeployment("NCP", "DUN")));
        await Driver.Advance(); // orders close, the turn is adjudicated
        var ardenia = await Driver.Nation("ARD").GetState();
        Assert.Equal((DeploymentArea.Ally, "DUN"), (ardenia.Posture.Area, ardenia.Posture.Facing));
        Assert.Empty((await Compact.GetState()).UnauthorisedAttempts);
    }

    [Fact]
    public async Task An_armed_attack_inject_puts_the_attack_on_record_and_collective_defence_can_then_be_invoked()
    {
        var noAttack = await Compact.TableDraft(Ardenia(), new TableDraft("cd1", "ARD", new CollectiveDefenceProposal("any")));
        Assert.Equal(AllianceRejectionCodes.NoArmedAttack, noAttack.Rejection?.Code);

        EngineDriver.Accepted(await Driver.Exercise.ReleaseInject(Driver.Control(), new ReleaseInject("armed-attack")));
        var attack = Assert.Single((await Compact.GetState()).Attacks);
        Assert.Equal(("BOR", "ARD"), (attack.Attacker, attack.Victim));

        EngineDriver.Accepted(await Compact.TableDraft(Ardenia(), new TableDraft("cd1", "ARD", new CollectiveDefenceProposal(attack.AttackId))));
        foreach (var (member, actor) in new[] { ("ARD", Participant.Team("ARD")), ("CAL", Participant.Facilitator), ("DUN", Participant.Facilitator) })
        {
            EngineDriver.Accepted(await Compact.CastVote(Driver.Command(actor), new CastVote("cd1", member, VoteChoice.Yes)));
        }

        var invocation = Assert.Single((await Compact.GetState()).Invocations.Values);
        EngineDriver.Accepted(await Compact.RecordDefenceResponse(Driver.Control(), new RecordDefenceResponse(invocation.Id, "CAL", ResponseKind.Military, "A brigade.")));
        Driver.Silo.Time.SetUtcNow(invocation.ResponsesDue);
        await Eventually(async () => (await Compact.GetState()).Invocations[invocation.Id].Closed);
        Assert.Equal(["ARD", "DUN"], (await Compact.GetState()).Invocations[invocation.Id].FreeRiders.AsEnumerable());
    }

    [Fact]
    public async Task A_borovian_team_never_sees_alliance_traffic_in_the_log_the_feed_or_the_view()
    {
        EngineDriver.Accepted(await Compact.RequestConsultation(Ardenia(), new RequestConsultation("c1", "ARD", null, "Borovian armour at the river.")));
        var refused = await Compact.ConveneConsultation(Driver.Command(Participant.Team("BOR")), new ConveneConsultation("c1", "BOR"));
        Assert.Equal(RejectionCodes.Forbidden, refused.Rejection?.Code);
        EngineDriver.Accepted(await TableStatement());

        var borovia = Participant.Team("BOR");
        Assert.All(await AllianceLog(), e => Assert.False(e.Audience.Allows(borovia), e.Event.GetType().Name));
        Assert.Null((await Compact.GetView(borovia))!.Member);
        Assert.NotNull((await Compact.GetView(Participant.Team("ARD")))!.Member);
        var snapshot = await Driver.Feed.GetSnapshot(borovia);
        Assert.Null(Assert.Single(snapshot.Alliances).Member);
        Assert.DoesNotContain(snapshot.Recent, e => e.Stream == "alliance/NCP");
    }

    [Fact]
    public async Task A_repeated_command_id_is_applied_once()
    {
        EngineDriver.Accepted(await TableStatement());
        EngineDriver.Accepted(await Compact.TableDraft(Ardenia(), new TableDraft("d2", "ARD", new JointDeploymentProposal("DUN"))));
        var vote = Driver.Control();
        var first = await Compact.CastVote(vote, new CastVote("d2", "DUN", VoteChoice.No));
        var again = await Compact.CastVote(vote, new CastVote("d2", "DUN", VoteChoice.No));
        Assert.True(again.Duplicate);
        Assert.Equal(first.LastSequence, again.LastSequence);
        Assert.Single(await AllianceLog(), e => e.Event is VoteCast);
    }

    [Fact]
    public async Task After_a_restart_the_alliance_is_exactly_the_fold_of_its_log()
    {
        EngineDriver.Accepted(await TableStatement());
        EngineDriver.Accepted(await Compact.PledgeResources(Ardenia(), new PledgeResources("p1", "ARD", "battalions", 3, TimeSpan.FromHours(1))));
        EngineDriver.Accepted(await Compact.ShareIntelligence(Ardenia(), new ShareIntelligenceReport("r1", "ARD", "Armour", "Two brigades.")));
        var before = JsonSerializer.Serialize(await Compact.GetState(), EventJson.Options);

        Driver.Silo = await Driver.Silo.RestartAsync();

        Assert.Equal(before, JsonSerializer.Serialize(await Compact.GetState(), EventJson.Options));
        var world = WorldState.Replay(Driver.ExerciseId, await Driver.Log());
        Assert.Equal(before, JsonSerializer.Serialize(world.Alliances["NCP"], EventJson.Options));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold within 10 seconds.");
            await Task.Delay(20);
        }
    }
}
