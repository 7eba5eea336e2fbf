namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Where a negotiation session stands (DOMAIN.md, "Negotiation sessions"): convened → opening statements → bargaining →
/// drafting → signature → in force → breached / expired / concluded, or collapsed when a party declines or walks out.
/// </summary>
[GenerateSerializer, Alias("Negotiations.NegotiationPhase")]
public enum NegotiationPhase
{
    /// <summary>Invitations are out; every party must accept.</summary>
    Convened,

    /// <summary>Every party accepted; each makes an opening statement in plenary.</summary>
    OpeningStatements,

    /// <summary>Statements made; the floor is open until someone tables a negotiating text.</summary>
    Bargaining,

    /// <summary>A negotiating text is on the table and being amended.</summary>
    Drafting,

    /// <summary>At least one party signed the current version; the others may sign it too.</summary>
    Signature,

    /// <summary>Every party signed the same version: the agreement binds them.</summary>
    InForce,

    /// <summary>In force, with at least one reported breach that exercise control has not ruled unfounded. Still binding.</summary>
    Breached,

    /// <summary>The agreement ran its duration in turns.</summary>
    Expired,

    /// <summary>Exercise control or the mediator closed the agreement as fulfilled.</summary>
    Concluded,

    /// <summary>A party declined the invitation or walked out before the agreement entered into force.</summary>
    Collapsed,
}
