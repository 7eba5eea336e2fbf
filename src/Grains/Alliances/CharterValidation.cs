using System.Collections.Immutable;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Checks an alliance definition before the grain accepts it: a charter the grain cannot enforce (a qualified
/// majority without a threshold, a zero deadline) is refused at set-up rather than discovered mid-crisis.
/// </summary>
internal static class CharterValidation
{
    public static Decision? Check(string code, AllianceDefinition definition, ImmutableArray<string> nations)
    {
        if (definition.Code != code)
        {
            return Invalid($"This is alliance {code}; the definition is for {definition.Code}.", "definition.code", code);
        }

        var members = definition.Members.IsDefault ? [] : definition.Members;
        if (members.Distinct(StringComparer.Ordinal).Count() != members.Length || members.Length < 2)
        {
            return Invalid("An alliance needs at least two distinct members.", "definition.members", "two or more distinct nation codes");
        }

        if (definition.Type == AllianceType.Bilateral && members.Length != 2)
        {
            return Invalid($"A bilateral alliance has exactly two members, not {members.Length}.", "definition.members", "exactly two nation codes");
        }

        if (!nations.IsDefaultOrEmpty && members.FirstOrDefault(m => !nations.Contains(m, StringComparer.Ordinal)) is { } unknown)
        {
            return Decision.Reject(RejectionCodes.NotFound, $"Unknown nation '{unknown}' among the members.", "definition.members", string.Join(", ", nations));
        }

        var charter = definition.Charter;
        if (charter.Consultation.ConveneWithin <= TimeSpan.Zero || charter.Consultation.PositionsDueWithin <= TimeSpan.Zero)
        {
            return Invalid("Consultation deadlines must be positive.", "definition.charter.consultation", "durations greater than zero");
        }

        if (charter.WithdrawalNotice < TimeSpan.Zero)
        {
            return Invalid("The withdrawal notice cannot be negative.", "definition.charter.withdrawalNotice", "zero or a positive duration");
        }

        foreach (var (kind, rule) in charter.DecisionRules)
        {
            var problem = CheckRule(rule, $"definition.charter.decisionRules.{kind}");
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static Decision? CheckRule(DecisionRule rule, string field)
    {
        if (rule.InPlay is { } inPlay && (inPlay.Turns is null == inPlay.EndOfNextPhase is null || inPlay.Turns is < 1))
        {
            return Invalid("A deadline in play is either a positive number of turns or the end of the next phase of a kind.", $"{field}.deadline", "\"2 turns\" or \"end of next orders phase\"");
        }

        if (rule.Deadline <= TimeSpan.Zero)
        {
            return Invalid("A decision rule needs a positive deadline.", $"{field}.deadline", "a duration greater than zero");
        }

        if (rule.Kind == DecisionRuleKind.QualifiedMajority && rule.Threshold is not (> 0 and <= 1))
        {
            return Invalid("A qualified majority needs a threshold: a fraction of the total weight.", $"{field}.threshold", "a number greater than 0 and at most 1");
        }

        if (rule.Quorum is < 0 or > 1)
        {
            return Invalid("A quorum is a fraction of the eligible members.", $"{field}.quorum", "a number from 0 to 1");
        }

        if (rule.Weights is { } weights && weights.Values.Any(w => w < 0))
        {
            return Invalid("Vote weights cannot be negative.", $"{field}.weights", "whole numbers from 0");
        }

        return null;
    }

    private static Decision Invalid(string message, string field, string allowed) =>
        Decision.Reject(RejectionCodes.InvalidArgument, message, field, allowed);
}
