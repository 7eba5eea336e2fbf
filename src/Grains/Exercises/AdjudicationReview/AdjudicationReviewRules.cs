using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Injects;
using CrisisGrid.Grains.News;

namespace CrisisGrid.Grains.Exercises.AdjudicationReview;

/// <summary>
/// Review before release: with the review on, a turn's adjudicated outcomes are held in a queue; exercise control
/// approves, amends or voids each (a rationale is required to amend or void), then releases the results, and only
/// then do the nations get their changes and the teams their reports. Pure deciders; a refusal changes nothing.
/// The rules in words: docs/adjudication.md, "Review before release".
/// </summary>
public static class AdjudicationReviewRules
{
    public const string NoQueue = "no-review-queue";
    public const string AlreadyReviewed = "already-reviewed";
    public const string ReviewsPending = "reviews-pending";

    /// <summary>
    /// The events that hold an adjudicated turn: the hold, each outcome (for exercise control), then the completion.
    /// No report reaches a team and no news goes out until the release. A turn without outcomes is not held.
    /// </summary>
    public static IEnumerable<PendingEvent> Hold(ExerciseState state, AdjudicationResult result)
    {
        yield return new(new AdjudicationHeld(state.Turn, result.Outcomes.Length), Audience.Control);
        var draws = state.Draws;
        foreach (var outcome in result.Outcomes)
        {
            draws += outcome.Rolls.Length;
            yield return new(new ActionAdjudicated(outcome, draws), Audience.Control);
        }
    }

    public static Decision Review(ExerciseState state, Participant actor, ReviewOutcome command)
    {
        var refused = InQueue(state, actor, "review adjudications");
        if (refused is not null)
        {
            return refused;
        }

        var queue = state.Queue!;
        if (!queue.OutcomeIds.Contains(command.OutcomeId) || !state.Outcomes.TryGetValue(command.OutcomeId, out var outcome))
        {
            return Decision.Reject(RejectionCodes.NotFound, $"No outcome of turn {queue.Turn} awaiting review has that reference.", "outcomeId",
                $"one of the {queue.OutcomeIds.Length} outcomes held for turn {queue.Turn}");
        }

        if (queue.Reviews.TryGetValue(outcome.OutcomeId, out var earlier))
        {
            return Decision.Reject(AlreadyReviewed, $"This outcome of {outcome.Actor} was already {Past(earlier.Verdict)}; each outcome is reviewed once.", "outcomeId",
                $"one of the {queue.PendingCount} outcomes still awaiting review");
        }

        var rationale = command.Rationale?.Trim();
        if (rationale is { Length: > ExerciseRules.MaxReasonLength })
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "The rationale is too long.", "rationale", $"at most {ExerciseRules.MaxReasonLength} characters");
        }

        if (command.Verdict != OutcomeVerdict.Approve && string.IsNullOrEmpty(rationale))
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"Say why you {Verb(command.Verdict)} this outcome: the rationale is recorded for the after-action review.",
                "rationale", $"1 to {ExerciseRules.MaxReasonLength} characters");
        }

        var effects = command.Verdict switch
        {
            OutcomeVerdict.Approve => Unchanged(command, outcome),
            OutcomeVerdict.Amend => Amended(state, command, outcome),
            OutcomeVerdict.Void => Voided(command),
            _ => (default, new Rejection(RejectionCodes.InvalidArgument, "Unknown verdict.", "verdict", "approve, amend or void")),
        };
        return effects.Refusal is { } problem
            ? Decision.Reject(problem)
            : Decision.Accept(new PendingEvent(
                new OutcomeReviewed(queue.Turn, outcome.OutcomeId, outcome.Actor, command.Verdict, string.IsNullOrEmpty(rationale) ? null : rationale, effects.Effects),
                Audience.Control));
    }

    /// <summary>
    /// Releases the held turn: each acting team is told its outcome (approved and amended as adjudicated, voided as
    /// "no effect"), the public reports of approved and amended outcomes go out, and the release itself (control only)
    /// puts every released effect in the outbox. The rationale stays with exercise control.
    /// </summary>
    public static Decision Release(ExerciseState state, Participant actor, ReleaseResults command)
    {
        var refused = InQueue(state, actor, "release results");
        if (refused is not null)
        {
            return refused;
        }

        var queue = state.Queue!;
        if (command.ExpectedTurn is { } expected && expected != queue.Turn)
        {
            return Decision.Reject("clock-moved", $"The results held are turn {queue.Turn}'s, not turn {expected}'s; nothing was released.", "expectedTurn", $"{queue.Turn}");
        }

        if (queue.PendingCount > 0)
        {
            var n = queue.PendingCount;
            return Decision.Reject(ReviewsPending, $"{n} outcome{(n == 1 ? "" : "s")} of turn {queue.Turn} still await{(n == 1 ? "s" : "")} review; nothing was released.",
                "queue", "release once every outcome is approved, amended or voided");
        }

        var events = new List<PendingEvent>();
        foreach (var id in queue.OutcomeIds)
        {
            var outcome = state.Outcomes[id];
            var review = queue.Reviews[id];
            var (success, summary) = review.Verdict switch
            {
                OutcomeVerdict.Void => (false, "Exercise control voided the outcome of this order: it has no effect."),
                OutcomeVerdict.Amend => (outcome.Success, $"{outcome.Summary} Exercise control amended its effects."),
                _ => (outcome.Success, outcome.Summary),
            };
            events.Add(new(new OutcomeReported(outcome.Turn, outcome.OutcomeId, outcome.Actor, outcome.OrderId, success, summary), Audience.ToNation(outcome.Actor)));
            if (outcome.Report is { } report && review.Verdict != OutcomeVerdict.Void)
            {
                events.Add(new(new NewsPublished($"news-{outcome.OutcomeId}", report.Headline, report.Body, "adjudication"), Audience.Public));
            }
        }

        events.Add(new(new ResultsReleased(
            queue.Turn,
            queue.Reviews.Values.Count(r => r.Verdict == OutcomeVerdict.Approve),
            queue.Reviews.Values.Count(r => r.Verdict == OutcomeVerdict.Amend),
            queue.Reviews.Values.Count(r => r.Verdict == OutcomeVerdict.Void)), Audience.Control));
        return Decision.Accept(events);
    }

    /// <summary>Turns the review on or off for turns adjudicated from now on; off is refused while results are held.</summary>
    public static Decision Set(ExerciseState state, Participant actor, SetAdjudicationReview command)
    {
        var refused = ExerciseRules.RequireControl(actor, "choose whether adjudications are reviewed")
            ?? ExerciseRules.RequireStatus(state, "change the review of adjudications", ExerciseStatus.Draft, ExerciseStatus.Running, ExerciseStatus.Paused);
        if (refused is not null)
        {
            return refused;
        }

        if (!command.Enabled && state.Queue is { } queue)
        {
            return Decision.Reject(RejectionCodes.InvalidState, $"Turn {queue.Turn}'s results are held for review; release them before turning the review off.",
                "enabled", "true until the held results are released");
        }

        return command.Enabled == state.ReviewAdjudications
            ? Decision.Accept()
            : Decision.Accept(new PendingEvent(new AdjudicationReviewSet(command.Enabled), Audience.Control));
    }

    // Reviewing and releasing: exercise control, a running exercise (paused or ended refuse, like advancing the clock),
    // and a queue open in the adjudication phase.
    private static Decision? InQueue(ExerciseState state, Participant actor, string what) =>
        ExerciseRules.RequireControl(actor, what)
        ?? ExerciseRules.RequireStatus(state, what, ExerciseStatus.Running)
        ?? (state.Queue is null || state.Phase != TurnPhase.Adjudication
            ? Decision.Reject(NoQueue, $"Cannot {what}: no adjudicated results are held for review (turn {state.Turn} is in its {state.Phase.ToString().ToLowerInvariant()} phase).",
                "phase", "the adjudication phase of a turn whose outcomes are held for review")
            : null);

    private static (ImmutableArray<OutcomeEffect> Effects, Rejection? Refusal) Unchanged(ReviewOutcome command, Outcome outcome) =>
        command.Effects is { IsDefaultOrEmpty: false }
            ? (default, new Rejection(RejectionCodes.InvalidArgument, "An approval releases the outcome as adjudicated; to change its effects, amend it.", "effects", "no effects"))
            : (outcome.Effects, null);

    private static (ImmutableArray<OutcomeEffect> Effects, Rejection? Refusal) Voided(ReviewOutcome command) =>
        command.Effects is { IsDefaultOrEmpty: false }
            ? (default, new Rejection(RejectionCodes.InvalidArgument, "A voided outcome has no effect; to change its effects, amend it.", "effects", "no effects"))
            : ([], null);

    private static (ImmutableArray<OutcomeEffect> Effects, Rejection? Refusal) Amended(ExerciseState state, ReviewOutcome command, Outcome outcome)
    {
        if (command.Effects is not { IsDefaultOrEmpty: false } deltas || deltas.All(d => d.IsEmpty))
        {
            return (default, new Rejection(RejectionCodes.InvalidArgument, "An amendment needs the effects the outcome should have instead; to remove every effect, void it.",
                "effects", "at least one change to a nation"));
        }

        for (var i = 0; i < deltas.Length; i++)
        {
            if (InjectValidation.CheckDelta(state, deltas[i], $"effects[{i}]") is { } problem)
            {
                return (default, problem);
            }
        }

        // Each nation's team reads what it was told of the adjudicated outcome, marked as amended: no more about who acted
        // than the outcome said (a nation it did not touch is not told whose order it was), and never the rationale.
        var effects = deltas.Where(d => !d.IsEmpty).Select(d =>
        {
            var original = outcome.Effects.FirstOrDefault(e => e.Delta.Nation == d.Nation);
            return new OutcomeEffect(
                d,
                string.IsNullOrWhiteSpace(original?.Summary) ? "Exercise control amended a result of this turn." : $"{original.Summary} (amended by exercise control)",
                original?.Because is { } because ? $"{because}, as amended by exercise control" : "after exercise control amended a result of this turn");
        });
        return ([.. effects], null);
    }

    private static string Verb(OutcomeVerdict verdict) => verdict switch
    {
        OutcomeVerdict.Amend => "amend",
        OutcomeVerdict.Void => "void",
        _ => "approve",
    };

    private static string Past(OutcomeVerdict verdict) => verdict switch
    {
        OutcomeVerdict.Amend => "amended",
        OutcomeVerdict.Void => "voided",
        _ => "approved",
    };
}
