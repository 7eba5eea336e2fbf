namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Rejection codes specific to alliances, beside the shared <see cref="Commands.RejectionCodes"/> (forbidden,
/// not-found, invalid-state, invalid-argument, not-initialized). docs/alliances.md lists when each is given.
/// </summary>
public static class AllianceRejectionCodes
{
    /// <summary>Collective defence was tabled but no armed attack on a member is on record.</summary>
    public const string NoArmedAttack = "no-armed-attack";

    /// <summary>The draft is no longer open: it passed, failed or was withdrawn (a deadline may just have decided it).</summary>
    public const string DraftClosed = "draft-closed";

    /// <summary>The member already recorded its position, vote or response; they cannot be changed.</summary>
    public const string AlreadyRecorded = "already-recorded";

    /// <summary>The member may not take part in this item (the member concerned by a suspension, a member admitted after it began).</summary>
    public const string NotEligible = "not-eligible";

    /// <summary>An alliance-flagged order without the passed decision that authorises it.</summary>
    public const string NotAuthorised = "not-authorised";
}
