using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// Who an alliance event goes to, resolved to nations when it is recorded: the members in good standing at that
/// moment (a suspended member no longer receives traffic; a member under notice still does), plus any nation the
/// event concerns directly.
/// </summary>
internal static class AllianceAudience
{
    public static Audience Members(AllianceState state, params string[] alsoTo) =>
        Audience.ToNations(state.ActiveMembers.Concat(alsoTo));

    public static PendingEvent ToMembers(AllianceState state, Events.DomainEvent domainEvent, params string[] alsoTo) =>
        new(domainEvent, Members(state, alsoTo));
}
