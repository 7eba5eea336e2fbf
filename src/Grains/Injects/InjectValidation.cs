using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Injects;

/// <summary>
/// Checks an inject or a change written during the exercise (ad hoc inject, override, adjustment) against the
/// exercise's world: every nation, team, alliance and inject it names must exist, and amounts stay in range.
/// Scenario files are checked by the scenario loader, which also reports file positions.
/// </summary>
public static class InjectValidation
{
    public const int MaxShift = 100;

    public static Rejection? Check(ExerciseState state, InjectDefinition inject)
    {
        if (string.IsNullOrWhiteSpace(inject.Id) || inject.Id.Length > 64)
        {
            return Invalid("An inject needs an id.", "inject.id", "1 to 64 characters");
        }

        if (string.IsNullOrWhiteSpace(inject.Title) || inject.Title.Length > 200)
        {
            return Invalid("An inject needs a title.", "inject.title", "1 to 200 characters");
        }

        for (var i = 0; i < inject.Targets.Nations.Length; i++)
        {
            if (state.World.FindNation(inject.Targets.Nations[i]) is null)
            {
                return UnknownNation(state, inject.Targets.Nations[i], $"inject.targets.nations[{i}]");
            }
        }

        for (var i = 0; i < inject.Targets.Teams.Length; i++)
        {
            if (!state.Teams.ContainsKey(inject.Targets.Teams[i]))
            {
                return new Rejection(RejectionCodes.NotFound, $"Unknown team '{inject.Targets.Teams[i]}'.", $"inject.targets.teams[{i}]", string.Join(", ", state.Teams.Keys));
            }
        }

        for (var i = 0; i < inject.Effects.Length; i++)
        {
            var problem = CheckDelta(state, NationDelta.From(inject.Effects[i]), $"inject.effects[{i}]");
            if (problem is not null)
            {
                return problem;
            }
        }

        for (var i = 0; i < inject.Triggers.Length; i++)
        {
            var field = $"inject.triggers[{i}]";
            var problem = inject.Triggers[i] switch
            {
                ArmedAttackTrigger a => KnownNation(state, a.Attacker, $"{field}.attacker") ?? KnownNation(state, a.Victim, $"{field}.victim"),
                PromptConsultationTrigger p => KnownNation(state, p.Nation, $"{field}.nation")
                    ?? (state.AllianceCodes.Contains(p.Alliance) ? null : new Rejection(RejectionCodes.NotFound, $"Unknown alliance '{p.Alliance}'.", $"{field}.alliance", string.Join(", ", state.AllianceCodes))),
                ReleaseInjectTrigger r => state.World.Msel.Any(m => m.Id == r.InjectId) ? null
                    : new Rejection(RejectionCodes.NotFound, $"The MSEL has no inject '{r.InjectId}'.", $"{field}.release", string.Join(", ", state.World.Msel.Select(m => m.Id))),
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        if (inject.News is { } news)
        {
            if (string.IsNullOrWhiteSpace(news.Headline))
            {
                return Invalid("News needs a headline.", "inject.news.headline", "1 to 200 characters");
            }

            foreach (var nation in news.PublicSupport.Keys)
            {
                if (KnownNation(state, nation, $"inject.news.publicSupport.{nation}") is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    public static Rejection? CheckDelta(ExerciseState state, NationDelta delta, string field)
    {
        if (KnownNation(state, delta.Nation, $"{field}.nation") is { } unknown)
        {
            return unknown;
        }

        foreach (var (index, value) in delta.Indices)
        {
            if (Math.Abs(value) > MaxShift)
            {
                return Invalid($"{index} cannot move by {value}.", $"{field}.indices.{index}", $"an integer from -{MaxShift} to {MaxShift}");
            }
        }

        foreach (var change in delta.Relations.Values)
        {
            if (change.Toward == delta.Nation)
            {
                return Invalid($"{delta.Nation} cannot have a relation with itself.", $"{field}.relations.{change.Toward}", "another nation");
            }

            if (KnownNation(state, change.Toward, $"{field}.relations.{change.Toward}") is { } problem)
            {
                return problem;
            }

            if (Math.Abs(change.Trust) > MaxShift || Math.Abs(change.Tension) > MaxShift)
            {
                return Invalid("A relation cannot move by more than 100.", $"{field}.relations.{change.Toward}", $"integers from -{MaxShift} to {MaxShift}");
            }
        }

        return null;
    }

    private static Rejection? KnownNation(ExerciseState state, string code, string field) =>
        state.World.FindNation(code) is null ? UnknownNation(state, code, field) : null;

    private static Rejection UnknownNation(ExerciseState state, string code, string field) =>
        new(RejectionCodes.NotFound, $"Unknown nation '{code}'.", field, string.Join(", ", state.NationCodes));

    private static Rejection Invalid(string message, string field, string allowed) => new(RejectionCodes.InvalidArgument, message, field, allowed);
}
