using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// A peacekeeping deployment needs a mandate: a passed joint-deployment decision of the alliance the clause names
/// (the alliance's grain answers) or a ruling by exercise control for the host nation. A missing mandate is refused
/// naming the clause and what would give it one.
/// </summary>
internal static class Mandates
{
    public static Decision? Missing(NegotiationState state, TextVersion version, SignatureContext context)
    {
        foreach (var clause in version.Clauses.OfType<PeacekeepingDeploymentClause>())
        {
            if (state.Mandates.Exists(m => m.Host == clause.Host))
            {
                continue;
            }

            if (clause.Alliance is not null && context.Mandates.TryGetValue(clause.Id, out var answer) && answer.Granted)
            {
                continue;
            }

            var allowed = clause.Alliance is null
                ? $"a mandate ruling by exercise control for {clause.Host}"
                : $"a passed jointDeployment decision of {clause.Alliance} for {clause.Host}, or a mandate ruling by exercise control";
            return Decision.Reject(
                NegotiationRejectionCodes.NoMandate,
                $"Clause {clause.Id} ({ClauseText.Describe(clause)}) has no mandate: it needs {allowed}.",
                $"clauses.{clause.Id}",
                allowed);
        }

        return null;
    }
}
