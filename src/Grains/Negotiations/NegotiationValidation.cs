using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>Checks of free text and phases shared by the session's rules.</summary>
internal static class NegotiationValidation
{
    public const int MaxTextLength = 2000;
    public const int MaxReasonLength = 500;
    public const int MaxIdLength = 64;

    public static Decision? Text(string? text, string field, string what, int max = MaxTextLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? Decision.Reject(RejectionCodes.InvalidArgument, $"{what} is required.", field, $"1 to {max} characters") : null;
        }

        return text.Trim().Length > max
            ? Decision.Reject(RejectionCodes.InvalidArgument, $"{what} is {text.Trim().Length} characters long; at most {max} are allowed.", field, $"1 to {max} characters")
            : null;
    }

    public static Decision? Id(string? id, string field, string what) =>
        string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength || id.Any(char.IsControl)
            ? Decision.Reject(RejectionCodes.InvalidArgument, $"{what} must be 1 to {MaxIdLength} characters without control characters.", field, $"1 to {MaxIdLength} characters")
            : null;

    /// <summary>Refuses a command outside <paramref name="allowed"/>, naming the phase the session is in and where the command belongs.</summary>
    public static Decision? Phase(NegotiationState state, string what, params NegotiationPhase[] allowed) =>
        allowed.Contains(state.Phase)
            ? null
            : Decision.Reject(
                NegotiationRejectionCodes.WrongPhase,
                $"The talks are {PhaseName(state.Phase)}; you can {what} only when they are {string.Join(" or ", allowed.Select(PhaseName))}.",
                "phase",
                string.Join(", ", allowed.Select(PhaseName)));

    public static string PhaseName(NegotiationPhase phase) => phase switch
    {
        NegotiationPhase.Convened => "convened",
        NegotiationPhase.OpeningStatements => "at opening statements",
        NegotiationPhase.Bargaining => "bargaining",
        NegotiationPhase.Drafting => "drafting",
        NegotiationPhase.Signature => "at signature",
        NegotiationPhase.InForce => "in force",
        NegotiationPhase.Breached => "breached",
        NegotiationPhase.Expired => "expired",
        NegotiationPhase.Concluded => "concluded",
        _ => "collapsed",
    };

    /// <summary>Phases in which the talks are still going (messages may flow).</summary>
    public static readonly NegotiationPhase[] Open =
    [
        NegotiationPhase.Convened, NegotiationPhase.OpeningStatements, NegotiationPhase.Bargaining, NegotiationPhase.Drafting,
        NegotiationPhase.Signature, NegotiationPhase.InForce, NegotiationPhase.Breached,
    ];

    /// <summary>Phases before an agreement binds anyone.</summary>
    public static readonly NegotiationPhase[] BeforeForce =
    [
        NegotiationPhase.Convened, NegotiationPhase.OpeningStatements, NegotiationPhase.Bargaining, NegotiationPhase.Drafting, NegotiationPhase.Signature,
    ];
}
