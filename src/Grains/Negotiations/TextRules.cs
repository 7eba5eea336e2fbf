using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using static CrisisGrid.Grains.Negotiations.NegotiationValidation;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// The single negotiating text: one text in plenary, versioned. The first version opens drafting; every later one
/// (a counter-proposal or an amendment) must be based on the current version — acting on a superseded version is
/// refused naming the current one — and voids signatures of earlier versions (they no longer match the text).
/// </summary>
public static partial class NegotiationRules
{
    public const int MaxDurationTurns = 50;

    public static Decision ProposeText(NegotiationState state, Participant actor, ProposeText command, DateTimeOffset now)
    {
        const string what = "table a negotiating text";
        var refused = NegotiationAccess.Participant(state, actor, command.As, what)
            ?? Phase(state, what, NegotiationPhase.Bargaining, NegotiationPhase.Drafting, NegotiationPhase.Signature)
            ?? Current(state, command.BasedOn, "basedOn")
            ?? ClauseValidation.Check(state, command.Clauses)
            ?? (command.DurationTurns is null or (>= 1 and <= MaxDurationTurns)
                ? null
                : Decision.Reject(RejectionCodes.InvalidArgument, $"An agreement lasts 1 to {MaxDurationTurns} turns, or has no duration.", "durationTurns", $"1 to {MaxDurationTurns}, or none"))
            ?? Text(command.Note, "note", "The note", MaxReasonLength, required: false);
        if (refused is not null)
        {
            return refused;
        }

        var previous = state.Versions.LastOrDefault();
        var version = new TextVersion(
            (previous?.Number ?? 0) + 1,
            command.As,
            now,
            command.Clauses,
            command.DurationTurns,
            string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
            Changes(previous?.Clauses ?? [], command.Clauses));
        var definition = state.Definition!;
        var tabled = new PendingEvent(new TextProposed(version), NegotiationAudience.Plenary(definition));
        if (state.Phase == NegotiationPhase.Drafting)
        {
            return Decision.Accept(tabled);
        }

        var reason = previous is null
            ? $"{command.As} tabled the first negotiating text."
            : $"Version {version.Number} supersedes version {previous.Number}; earlier signatures no longer match the text.";
        return Decision.Accept(tabled, PhaseChange(definition, NegotiationPhase.Drafting, reason, now));
    }

    /// <summary>What <paramref name="next"/> changes clause by clause, compared by id and by the clause's words.</summary>
    public static ImmutableArray<ClauseChange> Changes(ImmutableArray<Clause> before, ImmutableArray<Clause> next)
    {
        var old = (before.IsDefault ? [] : before).ToDictionary(c => c.Id, ClauseText.Describe, StringComparer.Ordinal);
        var now = (next.IsDefault ? [] : next).ToDictionary(c => c.Id, ClauseText.Describe, StringComparer.Ordinal);
        var changes = ImmutableArray.CreateBuilder<ClauseChange>();
        foreach (var (id, text) in now)
        {
            if (!old.TryGetValue(id, out var was))
            {
                changes.Add(new ClauseChange(id, ClauseChangeKind.Added, null, text));
            }
            else if (was != text)
            {
                changes.Add(new ClauseChange(id, ClauseChangeKind.Changed, was, text));
            }
        }

        foreach (var (id, was) in old.Where(o => !now.ContainsKey(o.Key)))
        {
            changes.Add(new ClauseChange(id, ClauseChangeKind.Removed, was, null));
        }

        return changes.ToImmutable();
    }

    /// <summary>Refuses a command on anything but the current version, naming the current one.</summary>
    internal static Decision? Current(NegotiationState state, int version, string field)
    {
        var current = state.Versions.LastOrDefault()?.Number ?? 0;
        if (version == current)
        {
            return null;
        }

        var message = current == 0
            ? "There is no negotiating text yet; table the first version (based on version 0)."
            : version < current && version >= 1
                ? $"Version {version} has been superseded; the current text is version {current}."
                : $"There is no version {version}; the current text is version {current}.";
        return Decision.Reject(NegotiationRejectionCodes.SupersededVersion, message, field, $"version {current}");
    }
}
