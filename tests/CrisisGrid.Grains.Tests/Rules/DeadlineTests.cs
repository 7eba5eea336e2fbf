using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;

namespace CrisisGrid.Grains.Tests.Rules;

public class DeadlineTests
{
    private static readonly Participant Control = Participant.Facilitator;
    private static readonly PhaseDeadlines Deadlines = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), null);

    [Fact]
    public void A_phase_with_a_real_time_limit_gets_a_deadline_and_one_without_does_not()
    {
        var exercise = ExerciseLifecycleTests.Running(TestScenarios.Small(deadlines: Deadlines));
        Assert.Equal(exercise.Now.AddMinutes(10), exercise.State.DeadlineAt);
        exercise.Now = exercise.Now.AddMinutes(3);
        exercise.Accept(s => ExerciseRules.Advance(s, Control, new AdvancePhase(), exercise.Now));
        Assert.Equal(exercise.Now.AddMinutes(15), exercise.State.DeadlineAt);
    }

    [Fact]
    public void The_deadline_counts_as_passed_at_its_instant_not_before_and_not_while_paused()
    {
        var exercise = ExerciseLifecycleTests.Running(TestScenarios.Small(deadlines: Deadlines));
        var deadline = exercise.State.DeadlineAt!.Value;
        Assert.False(ExerciseRules.DeadlinePassed(exercise.State, deadline.AddTicks(-1)));
        Assert.True(ExerciseRules.DeadlinePassed(exercise.State, deadline));
        exercise.Accept(s => ExerciseRules.Pause(s, Control, exercise.Now));
        Assert.False(ExerciseRules.DeadlinePassed(exercise.State, deadline.AddHours(1)));
    }

    [Fact]
    public void Pausing_keeps_the_time_left_and_resuming_restores_it_from_the_moment_of_resumption()
    {
        var exercise = ExerciseLifecycleTests.Running(TestScenarios.Small(deadlines: Deadlines));
        exercise.Now = exercise.Now.AddMinutes(4);
        exercise.Accept(s => ExerciseRules.Pause(s, Control, exercise.Now));
        Assert.Equal(TimeSpan.FromMinutes(6), exercise.State.PausedRemaining);
        Assert.Null(exercise.State.DeadlineAt);

        exercise.Now = exercise.Now.AddHours(2);
        exercise.Accept(s => ExerciseRules.Resume(s, Control, exercise.Now));
        Assert.Equal(exercise.Now.AddMinutes(6), exercise.State.DeadlineAt);
    }

    [Fact]
    public void Extending_adds_time_running_or_paused()
    {
        var exercise = ExerciseLifecycleTests.Running(TestScenarios.Small(deadlines: Deadlines));
        var first = exercise.State.DeadlineAt!.Value;
        exercise.Accept(s => ExerciseRules.Extend(s, Control, new ExtendDeadline(TimeSpan.FromMinutes(5))));
        Assert.Equal(first.AddMinutes(5), exercise.State.DeadlineAt);

        exercise.Accept(s => ExerciseRules.Pause(s, Control, exercise.Now));
        exercise.Accept(s => ExerciseRules.Extend(s, Control, new ExtendDeadline(TimeSpan.FromMinutes(5))));
        Assert.Equal(TimeSpan.FromMinutes(20), exercise.State.PausedRemaining);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(24 * 60 + 1)]
    public void Extensions_must_be_positive_and_at_most_a_day(int minutes)
    {
        var exercise = ExerciseLifecycleTests.Running(TestScenarios.Small(deadlines: Deadlines));
        var rejection = DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Extend(s, Control, new ExtendDeadline(TimeSpan.FromMinutes(minutes)))), RejectionCodes.InvalidArgument);
        Assert.Equal("by", rejection.Field);
    }

    [Fact]
    public void A_phase_without_a_deadline_cannot_be_extended()
    {
        var exercise = ExerciseLifecycleTests.Running();
        DecisionAssert.Rejected(exercise.Do(s => ExerciseRules.Extend(s, Control, new ExtendDeadline(TimeSpan.FromMinutes(5)))), RejectionCodes.InvalidState);
    }
}
