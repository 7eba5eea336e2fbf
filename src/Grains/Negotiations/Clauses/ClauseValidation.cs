using System.Collections.Immutable;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Checks that every clause's parameters can be checked later: the nations a ceasefire, withdrawal, sanctions relief
/// or confidence-building measure binds must act for parties (only parties are bound); corridor and peacekeeping
/// hosts must be nations of the exercise; durations are whole turns.
/// </summary>
internal static class ClauseValidation
{
    public const int MaxClauses = 20;

    public static Decision? Check(NegotiationState state, ImmutableArray<Clause> clauses)
    {
        var list = clauses.IsDefault ? [] : clauses;
        if (list.Length is 0 or > MaxClauses)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"A negotiating text holds 1 to {MaxClauses} clauses.", "clauses", $"1 to {MaxClauses} clauses");
        }

        var bound = state.Definition!.Parties.SelectMany(p => p.Nations).Distinct().Order(StringComparer.Ordinal).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var field = $"clauses[{i}]";
            var clause = list[i];
            if (clause is null)
            {
                return Decision.Reject(RejectionCodes.InvalidArgument, "A clause is missing.", field, Kinds);
            }

            var problem = NegotiationValidation.Id(clause.Id, $"{field}.id", "A clause id")
                ?? (ids.Add(clause.Id) ? null : Decision.Reject(RejectionCodes.InvalidArgument, $"Clause id {clause.Id} is used twice.", $"{field}.id", "a unique id per clause"))
                ?? clause switch
                {
                    CeasefireClause c => Bound(c.Nations, 2, $"{field}.nations", bound),
                    WithdrawalLineClause c => Bound([c.Nation], 1, $"{field}.nation", bound) ?? Known(c.From, $"{field}.from", state)
                        ?? Differ(c.Nation, c.From, $"{field}.from"),
                    HumanitarianCorridorClause c => Known(c.Nation, $"{field}.nation", state),
                    PrisonerExchangeClause c => Bound(c.Nations, 2, $"{field}.nations", bound),
                    PeacekeepingDeploymentClause c => Known(c.Host, $"{field}.host", state)
                        ?? NegotiationValidation.Id(c.Alliance ?? "-", $"{field}.alliance", "The mandating alliance"),
                    SanctionsReliefClause c => Bound([c.Nation], 1, $"{field}.nation", bound) ?? Known(c.On, $"{field}.on", state)
                        ?? Differ(c.Nation, c.On, $"{field}.on")
                        ?? (c.WithinTurns is >= 1 and <= 50 ? null : Decision.Reject(RejectionCodes.InvalidArgument, "Sanctions are lifted within 1 to 50 turns.", $"{field}.withinTurns", "1 to 50")),
                    ConfidenceBuildingClause c => Enum.IsDefined(c.Measure)
                        ? Bound(c.Nations, 1, $"{field}.nations", bound)
                        : Decision.Reject(RejectionCodes.InvalidArgument, "Unknown confidence-building measure.", $"{field}.measure", "armsLimits, advanceNoticeOfExercises, hotline, observersAtExercises, diplomaticExchanges"),
                    _ => Decision.Reject(RejectionCodes.InvalidArgument, "Unknown kind of clause.", $"{field}.kind", Kinds),
                };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private const string Kinds = "ceasefire, withdrawalLine, humanitarianCorridor, prisonerExchange, peacekeepingDeployment, sanctionsRelief, confidenceBuilding";

    private static Decision? Bound(ImmutableArray<string> nations, int min, string field, List<string> bound)
    {
        var list = nations.IsDefault ? [] : nations;
        if (list.Length < min || list.Distinct().Count() != list.Length)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"This clause binds at least {min} different nation(s).", field, string.Join(", ", bound));
        }

        var outsider = list.FirstOrDefault(n => !bound.Contains(n));
        return outsider is null
            ? null
            : Decision.Reject(RejectionCodes.InvalidArgument, $"{outsider} is not a party's nation; a clause binds only parties to the talks.", field, string.Join(", ", bound));
    }

    private static Decision? Known(string? nation, string field, NegotiationState state) =>
        nation is not null && state.Nations.Contains(nation)
            ? null
            : Decision.Reject(RejectionCodes.NotFound, $"{nation ?? "(none)"} is not a nation in this exercise.", field, string.Join(", ", state.Nations));

    private static Decision? Differ(string a, string b, string field) =>
        a == b ? Decision.Reject(RejectionCodes.InvalidArgument, $"{a} cannot be bound toward itself.", field, "another nation") : null;
}
