using System.Collections.Immutable;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Catalog;
using CrisisGrid.Grains.Exercises.AdjudicationReview;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Exercises;

/// <summary>
/// The exercise's state transitions, including the outbox: events that change other grains add deliveries
/// (identified by the event's sequence number, so ids are stable across replays), and
/// <see cref="DeliveriesCompleted"/> removes them.
/// </summary>
public static class ExerciseEvolve
{
    public static ExerciseState Apply(ExerciseState state, RecordedEvent recorded)
    {
        var next = Fold(state, recorded);
        return next.Status != state.Status || next.Turn != state.Turn || next.Phase != state.Phase
            ? ClockChanged(next, recorded)
            : next;
    }

    // Alliances follow the exercise's clock (status, turn, phase) through the outbox: they never call the exercise.
    private static ExerciseState ClockChanged(ExerciseState state, RecordedEvent recorded) =>
        state.Status is ExerciseStatus.NotCreated or ExerciseStatus.Draft
            ? state
            : state with
            {
                Outbox = state.Outbox.AddRange(state.AllianceCodes.Select(alliance => new ExerciseClockDelivery(
                    $"{recorded.Sequence}/clock/{alliance}",
                    alliance,
                    new FollowExerciseClock(state.Status, state.Turn, state.Phase, recorded.RecordedAt)))),
            };

    private static ExerciseState Fold(ExerciseState state, RecordedEvent recorded)
    {
        var seq = recorded.Sequence;
        return recorded.Event switch
        {
            ExerciseCreated e => Created(state, e, recorded),
            TeamAssigned e => state with { Teams = state.Teams.SetItem(e.TeamId, new TeamAssignment(e.TeamId, e.TeamName, e.Nation)) },
            ExerciseStarted => state with { Status = ExerciseStatus.Running },
            TurnStarted e => state with { Turn = e.Turn },
            PhaseChanged e => WithPhase(state, e, seq),
            DeadlineExtended e => state with { DeadlineAt = e.DeadlineAt, PausedRemaining = e.PausedRemaining },
            ExercisePaused e => state with { Status = ExerciseStatus.Paused, PausedRemaining = e.Remaining, DeadlineAt = null },
            ExerciseResumed e => state with { Status = ExerciseStatus.Running, DeadlineAt = e.DeadlineAt, PausedRemaining = null },
            ExerciseEnded e => state with { Status = ExerciseStatus.Ended, EndReason = e.Reason, DeadlineAt = null, PausedRemaining = null },
            ReviewOpened => state with { ReviewOpen = true },
            Review.ArchiveRevealed => state with { ArchiveRevealed = true },
            Review.ForkedFrom e => Review.ForkEvolve.Forked(state, e),
            AdjudicationHeld e => state with { Queue = AdjudicationQueue.Open(e.Turn) },
            ActionAdjudicated e when state.Queue is { } queue && queue.Turn == e.Outcome.Turn => state with
            {
                // Held: recorded, but nothing delivered until the results are released.
                Outcomes = state.Outcomes.SetItem(e.Outcome.OutcomeId, e.Outcome),
                Draws = e.DrawsAfter,
                Queue = queue with { OutcomeIds = queue.OutcomeIds.Add(e.Outcome.OutcomeId) },
            },
            OutcomeReviewed e when state.Queue is { } queue => state with
            {
                Queue = queue with { Reviews = queue.Reviews.SetItem(e.OutcomeId, new OutcomeReview(e.Verdict, e.Rationale, e.Effects)) },
            },
            ResultsReleased e => Released(state, e, seq),
            AdjudicationReviewSet e => state with { ReviewAdjudications = e.Enabled },
            ActionAdjudicated e => state with
            {
                Outcomes = state.Outcomes.SetItem(e.Outcome.OutcomeId, e.Outcome),
                Draws = e.DrawsAfter,
                Outbox = state.Outbox.AddRange(e.Outcome.Effects.Select(
                    effect => new NationChangeDelivery($"{seq}/{effect.Delta.Nation}", effect.Delta, effect.Summary, effect.Because))),
            },
            AdjudicationCompleted e => state with { AdjudicatedTurn = e.Turn, Draws = e.DrawsAfter },
            OutcomeOverridden e => Override(state, e, seq),
            NationAdjusted e => state with
            {
                Outbox = state.Outbox.Add(new NationChangeDelivery($"{seq}/{e.Delta.Nation}", e.Delta, $"Exercise control: {e.Reason}", ChangeCauses.Adjustment(e.Reason))),
            },
            InjectReleased e => Released(state, e, seq),
            Injects.MselRowsImported e => state with { Scenario = state.World with { Msel = state.World.Msel.AddRange(e.Injects) } },
            NewsPublished e => state with
            {
                NewsItems = state.NewsItems + 1,
                Outbox = state.Outbox.AddRange((e.PublicSupport ?? ImmutableSortedDictionary<string, int>.Empty).Where(p => p.Value != 0).Select(
                    p => new NationChangeDelivery(
                        $"{seq}/{p.Key}",
                        NationDelta.None(p.Key).AddIndex(NationIndex.PublicSupport, p.Value),
                        $"News: {e.Headline}",
                        ChangeCauses.News(e.Headline)))),
            },
            NegotiationRegistered e => state with
            {
                Negotiations = state.NegotiationIds.Add(e.Definition.Id),
                Outbox = state.Outbox.Add(new InitializeNegotiationDelivery(
                    $"{seq}/negotiation/{e.Definition.Id}",
                    new InitializeNegotiation(e.Definition, [.. state.NationCodes], e.Turn))),
            },
            ComplianceReviewsCompleted e => state with { ComplianceReviewedTurn = e.Turn },
            DeliveriesCompleted e => state with { Outbox = state.Outbox.RemoveAll(d => e.DeliveryIds.Contains(d.DeliveryId)) },
            _ => state,
        };
    }

    // Creating an exercise sets up every nation and alliance and lists it in the catalog, through the outbox.
    private static ExerciseState Created(ExerciseState state, ExerciseCreated e, RecordedEvent recorded)
    {
        var scenario = e.Scenario;
        var codes = scenario.Nations.Select(n => n.Code).ToImmutableArray();
        var deliveries = scenario.Nations
            .Select(n => (Delivery)new InitializeNationDelivery(
                $"{recorded.Sequence}/nation/{n.Code}",
                new InitializeNation(n, codes, n.ActionPointsPerTurn ?? scenario.Clock.ActionPointsPerTurn)))
            .Concat(scenario.Alliances.Select(a => new InitializeAllianceDelivery($"{recorded.Sequence}/alliance/{a.Code}", new InitializeAlliance(a, codes))))
            .Append(new ListInCatalogDelivery(
                $"{recorded.Sequence}/catalog",
                new ExerciseEntry(state.Id, e.Name, scenario.Id, scenario.Title, recorded.RecordedAt, ExerciseStatus.Draft, 0, TurnPhase.Planning)));
        return state with
        {
            Status = ExerciseStatus.Draft,
            Name = e.Name,
            Scenario = scenario,
            Seed = e.Seed,
            ReviewAdjudications = scenario.Clock.ReviewAdjudications,
            Outbox = state.Outbox.AddRange(deliveries),
        };
    }

    private static ExerciseState WithPhase(ExerciseState state, PhaseChanged e, long seq)
    {
        var next = state with { Turn = e.Turn, Phase = e.Phase, DeadlineAt = e.DeadlineAt };
        return e.Phase == TurnPhase.Orders
            ? next with { Outbox = next.Outbox.AddRange(state.NationCodes.Select(code => new OpenOrdersDelivery($"{seq}/{code}", code, e.Turn))) }
            : next;
    }

    private static ExerciseState Released(ExerciseState state, InjectReleased e, long seq)
    {
        var deliveries = e.Inject.Effects
            .Select(effect => (Delivery)new NationChangeDelivery($"{seq}/{effect.Nation}", NationDelta.From(effect), $"{e.Inject.Title}", ChangeCauses.Inject(e.Inject.Title)))
            .Concat(e.Inject.Triggers.OfType<ArmedAttackTrigger>().SelectMany(attack => state.AllianceCodes.Select(
                alliance => (Delivery)new ArmedAttackDelivery($"{seq}/attack/{alliance}", alliance, attack.Attacker, attack.Victim, e.Inject.Id))));
        return state with
        {
            ReleasedInjects = state.ReleasedInjects.Add(e.Inject.Id),
            AdHocInjects = state.AdHocInjects + (e.Source == InjectSource.AdHoc ? 1 : 0),
            Outbox = state.Outbox.AddRange(deliveries),
        };
    }

    // Releasing held results delivers each reviewed outcome's effects (approved, amended, or none when voided) and
    // records them as the outcome's effects, so a later override starts from what the nations actually received.
    private static ExerciseState Released(ExerciseState state, ResultsReleased e, long seq)
    {
        if (state.Queue is not { } queue || queue.Turn != e.Turn)
        {
            return state;
        }

        var outcomes = state.Outcomes;
        var deliveries = new List<Delivery>();
        foreach (var id in queue.OutcomeIds)
        {
            var effects = queue.Reviews.TryGetValue(id, out var review) ? review.Effects : [];
            if (outcomes.TryGetValue(id, out var outcome))
            {
                outcomes = outcomes.SetItem(id, outcome with { Effects = effects });
            }

            deliveries.AddRange(effects.Select(effect => new NationChangeDelivery($"{seq}/{id}/{effect.Delta.Nation}", effect.Delta, effect.Summary, effect.Because)));
        }

        return state with { Outcomes = outcomes, Queue = null, Outbox = state.Outbox.AddRange(deliveries) };
    }

    // An override delivers the difference between the replacement and the original effects, nation by nation.
    private static ExerciseState Override(ExerciseState state, OutcomeOverridden e, long seq)
    {
        var nations = e.Original.Select(x => x.Delta.Nation).Union(e.Replacement.Select(x => x.Delta.Nation)).Order(StringComparer.Ordinal);
        var deliveries = new List<Delivery>();
        foreach (var nation in nations)
        {
            var original = e.Original.Where(x => x.Delta.Nation == nation).Aggregate(NationDelta.None(nation), (sum, x) => sum.Plus(x.Delta));
            var replacement = e.Replacement.Where(x => x.Delta.Nation == nation).Aggregate(NationDelta.None(nation), (sum, x) => sum.Plus(x.Delta));
            // Amounts: replacement − original. Posture and sanctions: as the replacement states them.
            var difference = replacement.Plus(original.NegatedAmounts());
            if (!difference.IsEmpty)
            {
                // The outcome's id names its actor: the team reads the original cause instead, which names no more.
                var because = ChangeCauses.Override(e.Original.FirstOrDefault(x => x.Delta.Nation == nation)?.Because, e.Reason);
                deliveries.Add(new NationChangeDelivery($"{seq}/{nation}", difference, $"Exercise control revised a result: {e.Reason}", because));
            }
        }

        var outcomes = state.Outcomes.TryGetValue(e.OutcomeId, out var outcome)
            ? state.Outcomes.SetItem(e.OutcomeId, outcome with { Effects = e.Replacement })
            : state.Outcomes;
        return state with { Outcomes = outcomes, Outbox = state.Outbox.AddRange(deliveries) };
    }
}
