using System.Text.RegularExpressions;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;

namespace CrisisGrid.Grains.Review;

/// <summary>Who may read the after-action review, revealing the archive to teams, and forking an exercise.</summary>
public static partial class ReviewRules
{
    public const int MaxForkNameLength = 100;

    /// <summary>
    /// Whether <paramref name="requester"/> may read the whole archive (charts, turn summaries, exports, replays as
    /// anyone): exercise control always; observers once the review is open; teams once the archive is revealed.
    /// </summary>
    public static Rejection? MayReadArchive(ExerciseState state, Participant requester) => requester switch
    {
        { IsControl: true } => null,
        { Role: ParticipantRole.Observer } when state.ReviewOpen => null,
        { Role: ParticipantRole.Team } when state.ArchiveRevealed => null,
        { Role: ParticipantRole.Team } => new(RejectionCodes.Forbidden, "The archive is for exercise control until it reveals it to teams after the exercise; a team replays its own view once the review is open."),
        _ => new(RejectionCodes.Forbidden, "The after-action review is for exercise control, and for observers once the review is open."),
    };

    /// <summary>
    /// Whether <paramref name="requester"/> may replay the exercise as <paramref name="viewer"/>: anyone who may read
    /// the archive, as anyone; a team, as itself, once the review is open.
    /// </summary>
    public static bool MayReplay(ExerciseState state, Participant requester, Participant viewer) =>
        MayReadArchive(state, requester) is null
        || (requester.Role == ParticipantRole.Team && state.ReviewOpen && viewer.Plays(requester.Nation ?? ""));

    public static Decision RevealArchive(ExerciseState state, Participant actor)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control can reveal the archive to teams.");
        }

        if (state.Status != ExerciseStatus.Ended)
        {
            return Decision.Reject(RejectionCodes.InvalidState, "The archive is revealed to teams only after the exercise has ended.", "status", "ended");
        }

        return state.ArchiveRevealed
            ? Decision.Accept()
            : Decision.Accept([
                .. state.ReviewOpen ? Array.Empty<PendingEvent>() : [new PendingEvent(new ReviewOpened(), Audience.Public)],
                new PendingEvent(new ArchiveRevealed(), Audience.Public)]);
    }

    /// <summary>Checks a fork request against the original; <paramref name="lastSequence"/> is the original log's end.</summary>
    public static Rejection? CheckFork(ExerciseState state, Participant actor, ForkExercise fork, long lastSequence)
    {
        if (!actor.IsControl)
        {
            return new(RejectionCodes.Forbidden, "Only exercise control can fork an exercise.");
        }

        if (state.Status == ExerciseStatus.NotCreated)
        {
            return new(RejectionCodes.NotFound, $"Exercise {state.Id} does not exist.");
        }

        if (fork.AtSequence < 1 || fork.AtSequence > lastSequence)
        {
            return new(RejectionCodes.InvalidArgument, $"Event {fork.AtSequence} is not in the log.", "atSequence", $"1 to {lastSequence}");
        }

        if (!ForkIdPattern().IsMatch(fork.ForkId) || fork.ForkId == state.Id)
        {
            return new(RejectionCodes.InvalidArgument, $"'{fork.ForkId}' cannot name a new exercise.", "forkId", "a new id: lower-case letters, digits and '-', 1 to 60 characters");
        }

        if (fork.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > MaxForkNameLength))
        {
            return new(RejectionCodes.InvalidArgument, "The fork's name is empty or too long.", "name", $"1 to {MaxForkNameLength} characters");
        }

        return null;
    }

    /// <summary>The fork's name when none is given.</summary>
    public static string DefaultForkName(ExerciseState state, long atSequence)
    {
        var name = $"{state.Name} (fork at event {atSequence})";
        return name.Length <= MaxForkNameLength ? name : name[..MaxForkNameLength];
    }

    /// <summary>
    /// Whether a fork copies an event of the original as it is: everything but the access stream (join codes and
    /// their redemptions), which belongs to the original's participants, not to the game.
    /// </summary>
    public static bool CopiedIntoFork(RecordedEvent recorded) => recorded.Stream != AccessStream;

    private const string AccessStream = "access";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex ForkIdPattern();
}
