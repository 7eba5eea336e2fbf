using System.Collections.Immutable;
using System.Globalization;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>A count's result: <see cref="DraftStatus.Open"/> while the rule cannot decide yet, with the reason in words.</summary>
public sealed record Verdict(DraftStatus Status, string Reason, DecisionTally Tally)
{
    public bool IsDecided => Status != DraftStatus.Open;
}

/// <summary>
/// The decision rules (DOMAIN.md, "Decision rules"), as one pure function of the rule, the eligible members, their
/// votes, any broken silence and whether the deadline has come. Before the deadline a draft is decided only when no
/// further vote could change the result, so the outcome never depends on the order in which votes arrive.
/// A rule that is not met means no decision: a draft either passes whole or fails.
/// </summary>
public static class VoteCounting
{
    /// <summary>Thresholds are fractions in floating point (2/3 is 0.666…); a tolerance keeps "exactly at the threshold" a pass.</summary>
    public const double Tolerance = 1e-9;

    public static int Weight(DecisionRule rule, string member) =>
        rule.Weights is { } weights && weights.TryGetValue(member, out var weight) ? weight : 1;

    public static Verdict Count(
        DecisionRule rule,
        IReadOnlyCollection<string> eligible,
        IReadOnlyDictionary<string, VoteChoice> votes,
        SilenceBreak? silenceBreak,
        bool deadlineReached)
    {
        // Only eligible members' votes count: a member whose withdrawal took effect, or who was suspended, drops out.
        var counted = eligible.Where(votes.ContainsKey).ToImmutableSortedDictionary(m => m, m => votes[m], StringComparer.Ordinal);
        var yesWeight = counted.Where(v => v.Value == VoteChoice.Yes).Sum(v => Weight(rule, v.Key));
        var totalWeight = eligible.Sum(m => Weight(rule, m));
        var broken = silenceBreak is not null && eligible.Contains(silenceBreak.Member) ? silenceBreak : null;
        var tally = new DecisionTally([.. eligible.Order(StringComparer.Ordinal)], counted, yesWeight, totalWeight, broken?.Member);
        var missing = eligible.Where(m => !counted.ContainsKey(m)).Order(StringComparer.Ordinal).ToList();

        if (eligible.Count == 0)
        {
            return new(DraftStatus.Failed, "No member is eligible to decide.", tally);
        }

        return rule.Kind switch
        {
            DecisionRuleKind.Consensus => Consensus(counted, missing, deadlineReached, tally),
            DecisionRuleKind.Unanimity => Unanimity(counted, missing, deadlineReached, tally),
            DecisionRuleKind.QualifiedMajority => QualifiedMajority(rule, eligible.Count, counted.Count, missing, deadlineReached, tally),
            DecisionRuleKind.SilenceProcedure => Silence(broken, deadlineReached, tally),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown decision rule."),
        };
    }

    // Consensus: an objection fails the draft at once; it passes at the deadline, or as soon as every eligible member
    // has spoken without objecting (nobody is left who could object).
    private static Verdict Consensus(ImmutableSortedDictionary<string, VoteChoice> votes, List<string> missing, bool deadlineReached, DecisionTally tally)
    {
        var objectors = votes.Where(v => v.Value == VoteChoice.No).Select(v => v.Key).ToList();
        if (objectors.Count > 0)
        {
            return new(DraftStatus.Failed, $"No consensus: {Join(objectors)} objected.", tally);
        }

        if (missing.Count == 0)
        {
            return new(DraftStatus.Passed, "Consensus: every eligible member spoke and none objected.", tally);
        }

        return deadlineReached
            ? new(DraftStatus.Passed, "Consensus: no member objected before the deadline.", tally)
            : new(DraftStatus.Open, $"Passes at the deadline unless a member objects; not yet heard: {Join(missing)}.", tally);
    }

    // Unanimity: every eligible member votes yes; a no or an abstention fails it at once; anyone silent at the
    // deadline fails it.
    private static Verdict Unanimity(ImmutableSortedDictionary<string, VoteChoice> votes, List<string> missing, bool deadlineReached, DecisionTally tally)
    {
        var against = votes.Where(v => v.Value != VoteChoice.Yes).Select(v => $"{v.Key} ({v.Value.ToString().ToLowerInvariant()})").ToList();
        if (against.Count > 0)
        {
            return new(DraftStatus.Failed, $"Unanimity not met: {Join(against)}; unanimity needs every eligible member's yes.", tally);
        }

        if (missing.Count == 0)
        {
            return new(DraftStatus.Passed, "Unanimity: every eligible member voted yes.", tally);
        }

        return deadlineReached
            ? new(DraftStatus.Failed, $"Unanimity not met: {Join(missing)} did not vote by the deadline.", tally)
            : new(DraftStatus.Open, $"Needs a yes from {Join(missing)}.", tally);
    }

    // Qualified majority: yes weight ≥ threshold × total eligible weight, and at least quorum × eligible members took
    // part. Both sides only grow as votes arrive, so the draft passes as soon as both hold, and fails early only when
    // even every outstanding vote as a yes could not reach the threshold.
    private static Verdict QualifiedMajority(DecisionRule rule, int eligibleCount, int voted, List<string> missing, bool deadlineReached, DecisionTally tally)
    {
        var threshold = rule.Threshold ?? throw new InvalidOperationException("A qualified-majority rule needs a threshold.");
        var quorum = rule.Quorum ?? 0;
        var neededWeight = threshold * tally.TotalWeight;
        var neededVoters = quorum * eligibleCount;
        var outstandingWeight = missing.Sum(m => Weight(rule, m));
        var thresholdMet = tally.TotalWeight > 0 && tally.YesWeight >= neededWeight - Tolerance;
        var quorumMet = voted >= neededVoters - Tolerance;
        var count = $"yes weight {tally.YesWeight} of {tally.TotalWeight} (threshold {Number(threshold)} needs {Number(neededWeight)}); "
            + $"{voted} of {eligibleCount} voted (quorum {Number(quorum)} needs {Number(neededVoters)})";

        if (thresholdMet && quorumMet)
        {
            return new(DraftStatus.Passed, $"Qualified majority reached: {count}.", tally);
        }

        if (tally.TotalWeight == 0 || tally.YesWeight + outstandingWeight < neededWeight - Tolerance)
        {
            return new(DraftStatus.Failed, $"Qualified majority out of reach: {count}.", tally);
        }

        if (!deadlineReached)
        {
            return new(DraftStatus.Open, $"Undecided: {count}.", tally);
        }

        var why = thresholdMet ? "quorum not met" : "threshold not met";
        return new(DraftStatus.Failed, $"Qualified majority not reached by the deadline ({why}): {count}.", tally);
    }

    // Silence procedure: passes at its deadline unless an eligible member broke silence before it.
    private static Verdict Silence(SilenceBreak? broken, bool deadlineReached, DecisionTally tally)
    {
        if (broken is not null)
        {
            return new(DraftStatus.Failed, $"Silence broken by {broken.Member}: {broken.Reason}", tally);
        }

        return deadlineReached
            ? new(DraftStatus.Passed, "Silence procedure: no member broke silence before the deadline.", tally)
            : new(DraftStatus.Open, "Passes at the deadline unless a member breaks silence before it.", tally);
    }

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
