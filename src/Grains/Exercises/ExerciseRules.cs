using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Injects;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Exercises;

/// <summary>
/// Exercise control's rules: the lifecycle Draft → Running ⇄ Paused → Ended, the turn clock, deadlines and the
/// facilitator's powers. Every function is pure: state, actor, command and the current time in; a decision out.
/// </summary>
public static partial class ExerciseRules
{
    public const int MaxNameLength = 100;
    public const int MaxReasonLength = 500;
    public const int MaxHeadlineLength = 200;
    public const int MaxBodyLength = 4000;
    public const int MaxPublicSupportShift = 20;
    public static readonly TimeSpan MaxExtension = TimeSpan.FromHours(24);

    public static Decision Create(ExerciseState state, Participant actor, CreateExercise command)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control can create an exercise.");
        }

        if (state.Status != ExerciseStatus.NotCreated)
        {
            return Decision.Reject(RejectionCodes.InvalidState, $"Exercise {state.Id} already exists.");
        }

        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Length > MaxNameLength)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "The exercise needs a name.", "name", $"1 to {MaxNameLength} characters");
        }

        if (command.Scenario.Nations.IsDefaultOrEmpty)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "The scenario has no nations.", "scenario.nations", "at least one nation");
        }

        var teams = command.Scenario.Teams.Select(t => new PendingEvent(new TeamAssigned(t.Id, t.Name, t.Nation), Audience.Public));
        var talks = new List<PendingEvent>();
        foreach (var standing in command.Scenario.StandingTalks)
        {
            var (definition, refusal) = Negotiations.NegotiationSetup.Resolve(standing, command.Scenario.Nations, command.Scenario.Alliances, null);
            if (refusal is not null)
            {
                return Decision.Reject(refusal.Rejection! with { Field = $"scenario.talks.{standing.Id}.{refusal.Rejection!.Field}" });
            }

            talks.Add(new(new NegotiationRegistered(definition!, 0, "scenario"), Audience.Control));
        }

        return Decision.Accept([new(new ExerciseCreated(command.Name, command.Scenario, command.Seed), Audience.Control), .. teams, .. talks]);
    }

    public static Decision Start(ExerciseState state, Participant actor, DateTimeOffset now)
    {
        var refused = RequireControl(actor, "start the exercise") ?? RequireStatus(state, "start", ExerciseStatus.Draft);
        return refused ?? Decision.Accept([new(new ExerciseStarted(), Audience.Public), .. BeginTurn(state, 1, now)]);
    }

    public static Decision Pause(ExerciseState state, Participant actor, DateTimeOffset now)
    {
        var refused = RequireControl(actor, "pause the exercise") ?? RequireStatus(state, "pause", ExerciseStatus.Running);
        if (refused is not null)
        {
            return refused;
        }

        var remaining = state.DeadlineAt is { } deadline ? Max(deadline - now, TimeSpan.Zero) : (TimeSpan?)null;
        return Decision.Accept(new PendingEvent(new ExercisePaused(remaining), Audience.Public));
    }

    public static Decision Resume(ExerciseState state, Participant actor, DateTimeOffset now)
    {
        var refused = RequireControl(actor, "resume the exercise") ?? RequireStatus(state, "resume", ExerciseStatus.Paused);
        return refused ?? Decision.Accept(new PendingEvent(new ExerciseResumed(state.PausedRemaining is { } left ? now + left : null), Audience.Public));
    }

    /// <summary>
    /// The next phase. Leaving the orders phase only records the move into adjudication: the grain then gathers the
    /// orders and calls <see cref="RecordAdjudication"/>, which ends in the results phase.
    /// </summary>
    public static Decision Advance(ExerciseState state, Participant actor, AdvancePhase command, DateTimeOffset now)
    {
        var refused = RequireControl(actor, "advance the clock") ?? RequireStatus(state, "advance the clock", ExerciseStatus.Running);
        if (refused is not null)
        {
            return refused;
        }

        if ((command.ExpectedTurn is { } turn && turn != state.Turn) || (command.ExpectedPhase is { } phase && phase != state.Phase))
        {
            return Decision.Reject(
                "clock-moved",
                $"The clock is at turn {state.Turn}, {state.Phase.ToString().ToLowerInvariant()} phase, not where this command expected it; nothing was changed.",
                "expectedTurn",
                $"turn {state.Turn}, phase {state.Phase}");
        }

        return state.Phase switch
        {
            TurnPhase.Planning => Decision.Accept(Phase(state, state.Turn, TurnPhase.Orders, now)),
            TurnPhase.Orders => Decision.Accept(new PendingEvent(new PhaseChanged(state.Turn, TurnPhase.Adjudication, null), Audience.Public)),
            TurnPhase.Adjudication when state.AwaitingRelease => Decision.Reject(RejectionCodes.InvalidState,
                $"Turn {state.Turn}'s outcomes are held for review; the results phase follows when exercise control releases them.", "phase",
                "review every held outcome, then release the results"),
            TurnPhase.Adjudication => Decision.Reject(RejectionCodes.InvalidState, $"Turn {state.Turn} is being adjudicated; the results phase follows by itself."),
            _ when state.World.Clock.MaxTurns is { } last && state.Turn >= last =>
                Decision.Accept(new PendingEvent(new ExerciseEnded($"The final turn ({last}) is complete."), Audience.Public)),
            _ => Decision.Accept(BeginTurn(state, state.Turn + 1, now)),
        };
    }

    /// <summary>Records the turn's adjudication: missed orders, every outcome, public reports, then the results phase.</summary>
    public static Decision RecordAdjudication(ExerciseState state, IReadOnlyList<Nations.ClosedOrders> closed, AdjudicationResult result, DateTimeOffset now)
    {
        if (state.Phase != TurnPhase.Adjudication || state.AdjudicatedTurn >= state.Turn)
        {
            return Decision.Accept(); // already recorded: a resumed adjudication records nothing twice
        }

        var events = new List<PendingEvent>();
        foreach (var nation in closed.Where(n => n.Orders.IsEmpty).OrderBy(n => n.Nation.Code, StringComparer.Ordinal))
        {
            if (state.TeamFor(nation.Nation.Code) is { } team)
            {
                events.Add(new(new OrdersMissed(state.Turn, nation.Nation.Code, team.TeamId), Audience.ToNation(nation.Nation.Code)));
            }
        }

        if (state.ReviewAdjudications && !result.Outcomes.IsEmpty)
        {
            // Held for exercise control's review: nothing reaches a team or a nation until the results are released.
            events.AddRange(AdjudicationReview.AdjudicationReviewRules.Hold(state, result));
            events.Add(new(new AdjudicationCompleted(state.Turn, result.Outcomes.Length, result.DrawsAfter), Audience.Control));
            return Decision.Accept(events);
        }

        var draws = state.Draws;
        foreach (var outcome in result.Outcomes)
        {
            draws += outcome.Rolls.Length;
            events.Add(new(new ActionAdjudicated(outcome, draws), Audience.Control));
            events.Add(new(new OutcomeReported(outcome.Turn, outcome.OutcomeId, outcome.Actor, outcome.OrderId, outcome.Success, outcome.Summary), Audience.ToNation(outcome.Actor)));
            if (outcome.Report is { } report)
            {
                events.Add(new(new NewsPublished($"news-{outcome.OutcomeId}", report.Headline, report.Body, "adjudication"), Audience.Public));
            }
        }

        events.Add(new(new AdjudicationCompleted(state.Turn, result.Outcomes.Length, result.DrawsAfter), Audience.Control));
        return Decision.Accept(events);
    }

    /// <summary>After adjudication (and its deliveries and conditional injects): the results phase.</summary>
    public static Decision EnterResults(ExerciseState state, DateTimeOffset now) =>
        state.Phase == TurnPhase.Adjudication && state.AdjudicatedTurn >= state.Turn && !state.AwaitingRelease
            ? Decision.Accept(Phase(state, state.Turn, TurnPhase.Results, now))
            : Decision.Accept();

    /// <summary>A real-time deadline passed: the clock advances by itself (as exercise control would).</summary>
    public static bool DeadlinePassed(ExerciseState state, DateTimeOffset now) =>
        state.Status == ExerciseStatus.Running && state.DeadlineAt is { } deadline && deadline <= now && state.Phase != TurnPhase.Adjudication;

    public static Decision Extend(ExerciseState state, Participant actor, ExtendDeadline command)
    {
        var refused = RequireControl(actor, "extend a deadline");
        if (refused is not null)
        {
            return refused;
        }

        if (command.By <= TimeSpan.Zero || command.By > MaxExtension)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"Cannot extend by {command.By}.", "by", $"a duration above zero and at most {MaxExtension.TotalHours:0} hours");
        }

        return (state.Status, state.DeadlineAt, state.PausedRemaining) switch
        {
            (ExerciseStatus.Running, { } deadline, _) => Decision.Accept(new PendingEvent(
                new DeadlineExtended(state.Turn, state.Phase, command.By, deadline + command.By, null), Audience.Public)),
            (ExerciseStatus.Paused, _, { } remaining) => Decision.Accept(new PendingEvent(
                new DeadlineExtended(state.Turn, state.Phase, command.By, null, remaining + command.By), Audience.Public)),
            _ => Decision.Reject(RejectionCodes.InvalidState, "The current phase has no deadline to extend; exercise control advances it by hand."),
        };
    }

    public static Decision End(ExerciseState state, Participant actor, EndExercise command)
    {
        var refused = RequireControl(actor, "end the exercise")
            ?? RequireStatus(state, "end", ExerciseStatus.Draft, ExerciseStatus.Running, ExerciseStatus.Paused);
        if (refused is not null)
        {
            return refused;
        }

        return string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > MaxReasonLength
            ? Decision.Reject(RejectionCodes.InvalidArgument, "Say why the exercise ends.", "reason", $"1 to {MaxReasonLength} characters")
            : Decision.Accept(new PendingEvent(new ExerciseEnded(command.Reason), Audience.Public));
    }

    public static Decision OpenReview(ExerciseState state, Participant actor)
    {
        var refused = RequireControl(actor, "open the after-action review") ?? RequireStatus(state, "open the review", ExerciseStatus.Ended);
        if (refused is not null)
        {
            return refused;
        }

        return state.ReviewOpen ? Decision.Accept() : Decision.Accept(new PendingEvent(new ReviewOpened(), Audience.Public));
    }

    public static Decision Assign(ExerciseState state, Participant actor, AssignTeam command)
    {
        var refused = RequireControl(actor, "assign teams")
            ?? RequireStatus(state, "assign teams", ExerciseStatus.Draft, ExerciseStatus.Running, ExerciseStatus.Paused);
        if (refused is not null)
        {
            return refused;
        }

        if (!TeamIdPattern().IsMatch(command.TeamId))
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"'{command.TeamId}' is not a valid team id.", "teamId", "1 to 40 lower-case letters, digits or hyphens");
        }

        if (string.IsNullOrWhiteSpace(command.TeamName) || command.TeamName.Length > 60)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "The team needs a name.", "teamName", "1 to 60 characters");
        }

        if (state.World.FindNation(command.Nation) is null)
        {
            return UnknownNation(state, command.Nation, "nation");
        }

        if (state.TeamFor(command.Nation) is { } other && other.TeamId != command.TeamId)
        {
            return Decision.Reject(RejectionCodes.InvalidState, $"{command.Nation} is already played by team {other.TeamId}.", "nation",
                string.Join(", ", state.NationCodes.Where(code => state.TeamFor(code) is null)));
        }

        return Decision.Accept(new PendingEvent(new TeamAssigned(command.TeamId, command.TeamName, command.Nation), Audience.Public));
    }

    public static Decision Release(ExerciseState state, Participant actor, ReleaseInject command)
    {
        var refused = RequireControl(actor, "release injects") ?? RequireLive(state, "release injects");
        if (refused is not null)
        {
            return refused;
        }

        var inject = state.World.Msel.FirstOrDefault(i => i.Id == command.InjectId);
        if (inject is null)
        {
            return Decision.Reject(RejectionCodes.NotFound, $"The MSEL has no inject '{command.InjectId}'.", "injectId",
                string.Join(", ", state.World.Msel.Where(i => !state.ReleasedInjects.Contains(i.Id)).Select(i => i.Id)));
        }

        return state.ReleasedInjects.Contains(inject.Id)
            ? Decision.Reject(RejectionCodes.InvalidState, $"Inject '{inject.Id}' is already in play.", "injectId")
            : Decision.Accept(InjectRules.Release(state, [(inject, InjectSource.Released)]));
    }

    public static Decision AdHoc(ExerciseState state, Participant actor, InjectAdHoc command)
    {
        var refused = RequireControl(actor, "write injects") ?? RequireLive(state, "inject");
        if (refused is not null)
        {
            return refused;
        }

        if (state.ReleasedInjects.Contains(command.Inject.Id) || state.World.Msel.Any(i => i.Id == command.Inject.Id))
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"Inject id '{command.Inject.Id}' is already used.", "inject.id", "an id not in the MSEL and not used before");
        }

        var problem = InjectValidation.Check(state, command.Inject);
        return problem is not null
            ? Decision.Reject(problem)
            : Decision.Accept(InjectRules.Release(state, [(command.Inject with { Schedule = InjectSchedule.Manual }, InjectSource.AdHoc)]));
    }

    public static Decision Publish(ExerciseState state, Participant actor, PublishNews command)
    {
        var refused = RequireControl(actor, "publish news") ?? RequireLive(state, "publish news");
        if (refused is not null)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(command.Headline) || command.Headline.Length > MaxHeadlineLength)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "News needs a headline.", "headline", $"1 to {MaxHeadlineLength} characters");
        }

        if (command.Body.Length > MaxBodyLength)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "The news body is too long.", "body", $"at most {MaxBodyLength} characters");
        }

        var support = command.PublicSupport ?? ImmutableDictionary<string, int>.Empty;
        foreach (var (nation, shift) in support)
        {
            if (state.World.FindNation(nation) is null)
            {
                return UnknownNation(state, nation, $"publicSupport.{nation}");
            }

            if (Math.Abs(shift) > MaxPublicSupportShift)
            {
                return Decision.Reject(RejectionCodes.InvalidArgument, $"Public support cannot move by {shift} from one news item.", $"publicSupport.{nation}",
                    $"an integer from -{MaxPublicSupportShift} to {MaxPublicSupportShift}");
            }
        }

        var news = new NewsPublished($"news-control-{state.NewsItems + 1}", command.Headline, command.Body, "exercise control",
            support.ToImmutableSortedDictionary(StringComparer.Ordinal));
        return Decision.Accept(new PendingEvent(news, Audience.Public));
    }

    public static Decision Override(ExerciseState state, Participant actor, OverrideOutcome command)
    {
        var refused = RequireControl(actor, "override outcomes");
        if (refused is not null)
        {
            return refused;
        }

        if (!state.Outcomes.TryGetValue(command.OutcomeId, out var outcome))
        {
            return Decision.Reject(RejectionCodes.NotFound, $"No adjudicated outcome '{command.OutcomeId}'.", "outcomeId",
                string.Join(", ", state.Outcomes.Keys.TakeLast(20)));
        }

        if (state.Queue is { } queue && queue.OutcomeIds.Contains(outcome.OutcomeId))
        {
            return Decision.Reject(RejectionCodes.InvalidState, $"This outcome is held for review; approve, amend or void it in the adjudication queue.", "outcomeId",
                "an outcome already released");
        }

        var reason = RequireReason(command.Reason);
        if (reason is not null)
        {
            return reason;
        }

        for (var i = 0; i < command.Effects.Length; i++)
        {
            var problem = InjectValidation.CheckDelta(state, command.Effects[i], $"effects[{i}]");
            if (problem is not null)
            {
                return Decision.Reject(problem);
            }
        }

        var replacement = command.Effects.Select(d => new OutcomeEffect(d, $"Exercise control revised this outcome: {command.Reason}")).ToImmutableArray();
        return Decision.Accept(new PendingEvent(new OutcomeOverridden(outcome.OutcomeId, command.Reason, outcome.Effects, replacement), Audience.Control));
    }

    public static Decision Adjust(ExerciseState state, Participant actor, AdjustNation command)
    {
        var refused = RequireControl(actor, "adjust nations") ?? RequireLive(state, "adjust nations");
        if (refused is not null)
        {
            return refused;
        }

        var reason = RequireReason(command.Reason);
        if (reason is not null)
        {
            return reason;
        }

        var problem = InjectValidation.CheckDelta(state, command.Delta, "delta");
        return problem is not null
            ? Decision.Reject(problem)
            : Decision.Accept(new PendingEvent(new NationAdjusted(command.Delta, command.Reason), Audience.Control));
    }

    /// <summary>The events that begin turn <paramref name="turn"/>: the turn, its planning phase and the injects due without conditions.</summary>
    private static IEnumerable<PendingEvent> BeginTurn(ExerciseState state, int turn, DateTimeOffset now)
    {
        var clock = state.World.Clock;
        var start = clock.Start + InjectRules.TurnStartOffset(clock, turn);
        yield return new(new TurnStarted(turn, start, start + clock.TurnDuration), Audience.Public);
        yield return Phase(state, turn, TurnPhase.Planning, now);
        var due = InjectRules.Due(state, turn, facts: null).Select(i => (i, InjectSource.Scheduled));
        foreach (var e in InjectRules.Release(state, due))
        {
            yield return e;
        }
    }

    private static PendingEvent Phase(ExerciseState state, int turn, TurnPhase phase, DateTimeOffset now)
    {
        var deadlines = state.World.Clock.Deadlines;
        var limit = phase switch
        {
            TurnPhase.Planning => deadlines.Planning,
            TurnPhase.Orders => deadlines.Orders,
            TurnPhase.Results => deadlines.Results,
            _ => null,
        };
        return new(new PhaseChanged(turn, phase, limit is { } d ? now + d : null), Audience.Public);
    }

    internal static Decision? RequireControl(Participant actor, string what) =>
        actor.IsControl ? null : Decision.Forbidden($"Only exercise control can {what}; you are {actor}.");

    internal static Decision? RequireStatus(ExerciseState state, string what, params ExerciseStatus[] allowed) =>
        allowed.Contains(state.Status)
            ? null
            : Decision.Reject(
                RejectionCodes.InvalidState,
                state.Status == ExerciseStatus.NotCreated
                    ? $"Exercise {state.Id} does not exist."
                    : $"Cannot {what}: the exercise is {state.Status.ToString().ToLowerInvariant()}.",
                "status",
                $"only when {string.Join(" or ", allowed.Select(s => s.ToString().ToLowerInvariant()))}");

    private static Decision? RequireLive(ExerciseState state, string what) =>
        RequireStatus(state, what, ExerciseStatus.Running, ExerciseStatus.Paused);

    private static Decision? RequireReason(string reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength
            ? Decision.Reject(RejectionCodes.InvalidArgument, "Exercise control must state a reason.", "reason", $"1 to {MaxReasonLength} characters")
            : null;

    private static Decision UnknownNation(ExerciseState state, string code, string field) =>
        Decision.Reject(RejectionCodes.NotFound, $"Unknown nation '{code}'.", field, string.Join(", ", state.NationCodes));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex TeamIdPattern();
}
