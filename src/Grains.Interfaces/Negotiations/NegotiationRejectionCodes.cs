namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Rejection codes specific to negotiations, beside the shared <see cref="Commands.RejectionCodes"/>.
/// docs/negotiations.md lists when each is given.
/// </summary>
public static class NegotiationRejectionCodes
{
    /// <summary>The command does not belong to the session's current phase; Allowed lists the phases where it does.</summary>
    public const string WrongPhase = "wrong-phase";

    /// <summary>The acting nation is neither a party (nor acts for one), nor the mediator where the mediator may act.</summary>
    public const string NotAParty = "not-a-party";

    /// <summary>The command names a version of the text that is no longer the current one; Allowed names the current one.</summary>
    public const string SupersededVersion = "superseded-version";

    /// <summary>A peacekeeping deployment without a mandate (a passed alliance decision or a ruling by exercise control).</summary>
    public const string NoMandate = "no-mandate";

    /// <summary>An alliance party signing without a passed decision of the alliance authorising it.</summary>
    public const string NotAuthorised = "not-authorised";

    /// <summary>The party already answered, stated, or signed this version.</summary>
    public const string AlreadyRecorded = "already-recorded";
}
