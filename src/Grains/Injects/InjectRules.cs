using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Injects;

/// <summary>When MSEL injects fire, who they reach, and the events that releasing one records.</summary>
public static class InjectRules
{
    /// <summary>The exercise (simulated) time at which turn <paramref name="turn"/> starts, as an offset from the clock start.</summary>
    public static TimeSpan TurnStartOffset(ClockSettings clock, int turn) => clock.TurnDuration * (turn - 1);

    /// <summary>
    /// Unreleased, non-manual MSEL injects due at turn <paramref name="turn"/>: their turn has come (or their exercise
    /// time falls before the end of this turn) and their condition, if any, holds. With <paramref name="facts"/> null only
    /// injects without a condition are considered (used when the turn starts, before the world is consulted).
    /// </summary>
    public static IReadOnlyList<InjectDefinition> Due(ExerciseState state, int turn, WorldFacts? facts)
    {
        var clock = state.World.Clock;
        var turnEnd = TurnStartOffset(clock, turn + 1);
        return [.. state.World.Msel.Where(inject =>
            !inject.Schedule.IsManual
            && !state.ReleasedInjects.Contains(inject.Id)
            && (inject.Schedule.Turn is null || inject.Schedule.Turn <= turn)
            && (inject.Schedule.At is null || inject.Schedule.At < turnEnd)
            && (inject.Schedule.When is null ? facts is null : facts is not null && ConditionEvaluator.Holds(inject.Schedule.When, facts)))];
    }

    /// <summary>Resolves an inject's targets to the nations whose teams receive its brief.</summary>
    public static ImmutableArray<string> TargetNations(ExerciseState state, InjectTargets targets)
    {
        if (targets.All)
        {
            return [.. state.NationCodes.Order(StringComparer.Ordinal)];
        }

        var viaTeams = targets.Teams.Select(team => state.Teams.TryGetValue(team, out var t) ? t.Nation : null).OfType<string>();
        return [.. targets.Nations.Concat(viaTeams).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The events that put injects into play, followed by those of any injects they release in turn. Each inject
    /// enters play at most once.
    /// </summary>
    public static IReadOnlyList<PendingEvent> Release(ExerciseState state, IEnumerable<(InjectDefinition Inject, InjectSource Source)> injects)
    {
        var events = new List<PendingEvent>();
        var talks = state.NegotiationIds;
        var released = state.ReleasedInjects;
        var queue = new Queue<(InjectDefinition Inject, InjectSource Source)>(injects);
        while (queue.TryDequeue(out var next))
        {
            if (released.Contains(next.Inject.Id))
            {
                continue;
            }

            released = released.Add(next.Inject.Id);
            var targets = TargetNations(state, next.Inject.Targets);
            events.Add(new(new InjectReleased(next.Inject, next.Source, targets), Audience.Control));
            events.Add(new(new InjectBriefed(next.Inject.Id, next.Inject.Title, next.Inject.Kind, next.Inject.Brief), Audience.ToNations(targets)));
            if (next.Inject.News is { } news)
            {
                events.Add(new(
                    new NewsPublished($"news-{next.Inject.Id}", news.Headline, news.Body, $"inject {next.Inject.Id}", news.PublicSupport.ToImmutableSortedDictionary(StringComparer.Ordinal)),
                    Audience.Public));
            }

            foreach (var trigger in next.Inject.Triggers)
            {
                switch (trigger)
                {
                    case ArmedAttackTrigger attack:
                        events.Add(new(new ArmedAttackReported(attack.Attacker, attack.Victim, next.Inject.Id), Audience.Public));
                        break;
                    case PromptConsultationTrigger prompt:
                        events.Add(new(new ConsultationPrompted(prompt.Nation, prompt.Alliance, next.Inject.Id), Audience.ToNation(prompt.Nation)));
                        break;
                    case OpenTalksTrigger open when !talks.Contains(open.Talks.Id)
                        && NegotiationSetup.Resolve(open.Talks, state.World.Nations, state.World.Alliances, null).Definition is { } definition:
                        // Talks that cannot be resolved (an ad hoc inject naming an unknown party) are not opened.
                        talks = talks.Add(open.Talks.Id);
                        events.Add(new(new NegotiationRegistered(definition, state.Turn, $"inject {next.Inject.Id}"), Audience.Control));
                        break;
                    case ReleaseInjectTrigger chain when state.World.Msel.FirstOrDefault(i => i.Id == chain.InjectId) is { } chained:
                        queue.Enqueue((chained, InjectSource.Triggered));
                        break;
                }
            }
        }

        return events;
    }
}
