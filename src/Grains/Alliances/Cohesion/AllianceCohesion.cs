namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Cohesion (0–100), a pure function of the alliance's state — so the after-action review gets it at any moment of
/// the log by folding to that moment. It starts at 100 and falls with what DOMAIN.md says erodes an alliance:
/// <code>
/// cohesion = clamp(round(100
///     − 15 × Σ divergence        each concluded consultation: 2·min(S, O) / (S + O), S/O = support/oppose positions (0 when S + O = 0)
///     −  2 × silent members      members flagged for recording no position, summed over concluded consultations
///     −  6 × failed decisions    drafts that failed under their rule (objection, no, abstention, broken silence, threshold missed)
///     −  5 × unauthorised attempts
///     −  8 × free riders         members flagged for giving no collective-defence response, summed over invocations
///     − 25 × pledge shortfall    Σ outstanding / Σ pledged, over pledges past their due date (0 when none is due)
///     +  2 × passed decisions),  acting together restores some cohesion, never above 100
///   0, 100)
/// </code>
/// An evenly split consultation costs 15, a unanimous one nothing; withdrawn drafts count neither way. The weights
/// are documented in docs/alliances.md; change both together.
/// </summary>
public static class AllianceCohesion
{
    public const double DivergenceWeight = 15;
    public const double SilentMemberWeight = 2;
    public const double FailedDecisionWeight = 6;
    public const double UnauthorisedAttemptWeight = 5;
    public const double FreeRiderWeight = 8;
    public const double PledgeShortfallWeight = 25;
    public const double PassedDecisionWeight = 2;

    public static CohesionReport Compute(AllianceState state)
    {
        var concluded = state.Consultations.Values.Where(c => c.Outcome is not null).Select(c => c.Outcome!).ToList();
        var divergence = concluded.Sum(o => o.Support + o.Oppose == 0 ? 0 : 2.0 * Math.Min(o.Support, o.Oppose) / (o.Support + o.Oppose));
        var silent = concluded.Sum(o => o.Silent.Length);
        var failed = state.Drafts.Values.Count(d => d.Status == DraftStatus.Failed);
        var passed = state.Drafts.Values.Count(d => d.Status == DraftStatus.Passed);
        var attempts = state.UnauthorisedAttempts.Count;
        var freeRiders = state.Invocations.Values.Sum(i => i.FreeRiders.Length);
        var due = state.Pledges.Values.Where(p => p.FellDue).ToList();
        var pledged = due.Sum(p => (long)p.Amount);
        var shortfall = pledged == 0 ? 0 : (double)due.Sum(p => (long)p.Outstanding) / pledged;

        var raw = 100
            - (DivergenceWeight * divergence)
            - (SilentMemberWeight * silent)
            - (FailedDecisionWeight * failed)
            - (UnauthorisedAttemptWeight * attempts)
            - (FreeRiderWeight * freeRiders)
            - (PledgeShortfallWeight * shortfall)
            + (PassedDecisionWeight * passed);
        var index = (int)Math.Clamp(Math.Round(raw, MidpointRounding.AwayFromZero), 0, 100);
        return new CohesionReport(index, Math.Round(divergence, 3), silent, failed, attempts, freeRiders, Math.Round(shortfall, 3), passed);
    }
}
