using System.Collections.Immutable;
using System.Text;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Injects;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using FsCheck.Xunit;
using static CrisisGrid.Testing.TestScenarios;

namespace CrisisGrid.Grains.Tests.Rules;

/// <summary>Exercise control imports MSEL rows from a CSV file: all or nothing, every problem by row and column.</summary>
public class MselImportTests
{
    private const string Header = "id,title,kind,turn,time,targets,brief,newsHeadline,newsBody\n";
    private static readonly Participant Control = Participant.Facilitator;

    private static RuleHarness<ExerciseState> Running() =>
        ExerciseLifecycleTests.Running(Small(msel: [Inject("scenario-1", new InjectSchedule(4, null, null))]));

    private static MselImportDecision Import(RuleHarness<ExerciseState> exercise, string csv, Participant? actor = null)
    {
        MselImportDecision? outcome = null;
        exercise.Do(s =>
        {
            outcome = MselImportRules.Import(s, actor ?? Control, new ImportMsel(csv, "msel.csv"));
            return outcome.Decision;
        });
        return outcome!;
    }

    [Fact]
    public void Imported_rows_join_the_msel_and_fire_at_their_turn_with_brief_and_news_like_scenario_injects()
    {
        var exercise = Running();
        var import = Import(exercise, Header + "dock-strike,Dock strike,economicShock,2,,NOR,\"Dockers walk out, ports close.\",Ports closed,Trade halts.\n");
        Assert.True(import.Decision.IsAccepted, import.Decision.Rejection?.ToString());
        var imported = Assert.Single(exercise.Events<MselRowsImported>());
        Assert.Equal(("msel.csv", "dock-strike"), (imported.FileName, Assert.Single(imported.Injects).Id));
        Assert.Equal(AudienceKind.Control, exercise.Log[^1].Audience.Kind);
        Assert.Equal(["scenario-1", "dock-strike"], exercise.State.World.Msel.Select(i => i.Id));
        Assert.Empty(exercise.Events<InjectReleased>());

        ExerciseLifecycleTests.PlayTurn(exercise);
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));

        var released = Assert.Single(exercise.Events<InjectReleased>());
        Assert.Equal(("dock-strike", InjectSource.Scheduled), (released.Inject.Id, released.Source));
        var brief = exercise.Log.Single(e => e.Event is InjectBriefed);
        Assert.Equal(["NOR"], brief.Audience.Nations.AsEnumerable());
        Assert.Equal("Dockers walk out, ports close.", ((InjectBriefed)brief.Event).Brief);
        Assert.Equal("Ports closed", Assert.Single(exercise.Events<NewsPublished>()).Headline);
    }

    [Fact]
    public void An_imported_row_without_turn_or_time_waits_for_exercise_control_to_release_it()
    {
        var exercise = Running();
        Assert.True(Import(exercise, Header + "held-back,Held back,cyberAttack,,,team-est,Your grid is down.,,\n").Decision.IsAccepted);
        ExerciseLifecycleTests.PlayTurn(exercise);
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        Assert.Empty(exercise.Events<InjectReleased>());

        exercise.Accept(s => ExerciseRules.Release(s, Control, new ReleaseInject("held-back")));
        Assert.Equal(InjectSource.Released, Assert.Single(exercise.Events<InjectReleased>()).Source);
        Assert.Equal(["EST"], exercise.Log.Single(e => e.Event is InjectBriefed).Audience.Nations.AsEnumerable());
    }

    [Fact]
    public void An_import_with_any_bad_row_reports_every_problem_by_row_and_column_and_changes_nothing()
    {
        var exercise = Running();
        exercise.Accept(s => ExerciseRules.AdHoc(s, Control, new InjectAdHoc(Inject("ad-hoc-1", InjectSchedule.Manual))));
        var before = exercise.State;
        var eventsBefore = exercise.Log.Count;

        var import = Import(
            exercise,
            Header
            + "fine-1,Fine,borderIncident,3,,,,,\n"                // row 2: good, but the file is refused as a whole
            + "scenario-1,Again,borderIncident,,,,,,\n"          // row 3: the scenario's id
            + "ad-hoc-1,Again,borderIncident,,,,,,\n"            // row 4: an ad hoc inject's id
            + "strike,Strike,economicShock,1,,XYZ,,,\n"          // row 5: turn 1 has begun; unknown nation
            + "quake,Quake,naturalDisaster,,PT6H,all,,,\n"       // row 6: 6 hours in falls in turn 1 (12-hour turns)
            + "late,Late,borderIncident,9,,,,,\n");              // row 7: after the last turn (6)

        var rejection = DecisionAssert.Rejected(import.Decision, MselImportResult.InvalidFileCode);
        Assert.Contains("6 problems", rejection.Message, StringComparison.Ordinal);
        Assert.Equal(
            [(3, "id"), (4, "id"), (5, "turn"), (5, "targets"), (6, "time"), (7, "turn")],
            import.Problems.Select(p => (p.Row, p.Column)));
        Assert.Equal(
            "Row 5, column turn: turn 1 has already begun (the exercise is in turn 1). Allowed: a whole number from 2 to 6, or empty (released by hand).",
            import.Problems[2].ToString());
        Assert.Contains("NOR, EST, RUS, SWE", import.Problems[3].Allowed, StringComparison.Ordinal);
        Assert.Equal("PT12H or later (the start of turn 2), or empty", import.Problems[4].Allowed);
        Assert.Same(before, exercise.State);
        Assert.Equal(eventsBefore, exercise.Log.Count);
    }

    [Fact]
    public void Before_the_exercise_starts_every_turn_is_ahead_and_a_turn_1_row_fires_at_the_start()
    {
        var exercise = ExerciseLifecycleTests.Created();
        Assert.True(Import(exercise, Header + "opening,Opening move,disinformationCampaign,1,,all,,,\n").Decision.IsAccepted);
        exercise.Accept(s => ExerciseRules.Start(s, Control, exercise.Now));
        Assert.Equal("opening", Assert.Single(exercise.Events<InjectReleased>()).Inject.Id);
    }

    [Fact]
    public void Only_exercise_control_imports_and_never_after_the_exercise_ends()
    {
        var exercise = Running();
        const string csv = Header + "x-1,X,borderIncident,,,,,,\n";
        DecisionAssert.Rejected(Import(exercise, csv, Participant.Team("NOR")).Decision, RejectionCodes.Forbidden);
        DecisionAssert.Rejected(Import(exercise, csv, Participant.Observer).Decision, RejectionCodes.Forbidden);

        exercise.Accept(s => ExerciseRules.End(s, Control, new EndExercise("Done")));
        var ended = DecisionAssert.Rejected(Import(exercise, csv).Decision, RejectionCodes.InvalidState);
        Assert.Equal("status", ended.Field);
        Assert.Empty(exercise.Events<MselRowsImported>());
    }

    [Fact]
    public void A_second_import_cannot_reuse_an_id_of_the_first()
    {
        var exercise = Running();
        Assert.True(Import(exercise, Header + "wave-1,Wave,refugeeFlow,3,,,,,\n").Decision.IsAccepted);
        var again = Import(exercise, Header + "wave-1,Wave again,refugeeFlow,4,,,,,\n");
        Assert.Equal((2, "id"), (Assert.Single(again.Problems).Row, again.Problems[0].Column));
    }

    [Fact]
    public void The_log_rebuilds_imported_rows_after_a_round_trip_through_storage()
    {
        var exercise = Running();
        Assert.True(Import(exercise, Header + "stored,Stored,humanitarianCrisis,,PT40H,EST;team-nor,\"A brief, with a comma\",,\n").Decision.IsAccepted);

        var replayed = exercise.Log
            .Select(e => e with { Event = EventJson.DeserializePayload(EventJson.TypeName(e.Event), EventJson.SerializePayload(e.Event)) })
            .Aggregate(ExerciseState.Empty("ex"), ExerciseEvolve.Apply);

        var inject = replayed.World.Msel.Single(i => i.Id == "stored");
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(exercise.State.World.Msel.Single(i => i.Id == "stored"), EventJson.Options),
            System.Text.Json.JsonSerializer.Serialize(inject, EventJson.Options));
        Assert.Equal(TimeSpan.FromHours(40), inject.Schedule.At);
        Assert.Equal(["EST"], inject.Targets.Nations.AsEnumerable());
        Assert.Equal(["team-nor"], inject.Targets.Teams.AsEnumerable());
    }

    /// <summary>Rows of five sorts, one good and four bad, in any mix and order.</summary>
    [Property(MaxTest = 60)]
    public bool Property_an_import_is_all_or_nothing_and_names_every_bad_row(byte[] sorts)
    {
        var exercise = Running();
        var csv = new StringBuilder(Header);
        var bad = new HashSet<int>();
        for (var i = 0; i < Math.Min(sorts.Length, 30); i++)
        {
            var row = i + 2;
            var sort = sorts[i] % 5;
            csv.Append(sort switch
            {
                0 => $"good-{row},Good,borderIncident,{2 + (row % 5)},,NOR,,,\n",
                1 => $"bad-{row},Unknown nation,borderIncident,,,ZZZ,,,\n",
                2 => $"bad-{row},Past turn,borderIncident,1,,,,,\n",
                3 => $"bad-{row},Bad kind,earthquake,,,,,,\n",
                _ => $"scenario-1,Taken id,borderIncident,,,,,,\n",
            });
            if (sort != 0)
            {
                bad.Add(row);
            }
        }

        var rows = Math.Min(sorts.Length, 30);
        var before = exercise.State.World.Msel.Length;
        var import = Import(exercise, csv.ToString());
        if (rows == 0)
        {
            return !import.Decision.IsAccepted && exercise.State.World.Msel.Length == before; // a header alone imports nothing
        }

        return bad.Count == 0
            ? import.Decision.IsAccepted && exercise.State.World.Msel.Length == before + rows
            : !import.Decision.IsAccepted && exercise.State.World.Msel.Length == before
                && import.Problems.Select(p => p.Row).ToHashSet().SetEquals(bad);
    }
}
