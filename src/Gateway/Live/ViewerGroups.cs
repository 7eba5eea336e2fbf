using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Visibility;

namespace CrisisGrid.Gateway.Live;

/// <summary>
/// Connections that see the same things share a SignalR group, so each event is filtered once per kind of viewer
/// (exercise control, observers, each nation's team) rather than once per connection.
/// </summary>
public static class ViewerGroups
{
    public static string Key(Participant viewer) => viewer.Role switch
    {
        ParticipantRole.Team => $"team:{viewer.Nation}",
        ParticipantRole.Observer => "observer",
        _ => "control",
    };

    public static string GroupName(string exerciseId, string key) => $"{exerciseId}|{key}";

    /// <summary>The viewer a group key stands for; observers see everything once the review is open.</summary>
    public static Participant Viewer(string key, bool reviewOpen) => key switch
    {
        "control" => Participant.Facilitator,
        "observer" => VisibilityPolicy.InExercise(Participant.Observer, reviewOpen),
        _ => Participant.Team(key["team:".Length..]),
    };
}
