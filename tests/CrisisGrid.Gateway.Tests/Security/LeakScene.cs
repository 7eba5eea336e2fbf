using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Testing;

namespace CrisisGrid.Gateway.Tests.Security;

/// <summary>
/// One gateway, one small-test exercise in which ARD's secrets are planted (<see cref="ArdeniaSecrets"/>), a second
/// exercise, and live connections that were open while ARD acted. Shared by the leak tests, which only read.
/// </summary>
public sealed class LeakScene : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    public GatewayHost Gateway { get; private set; } = null!;

    public GatewayApi Api { get; private set; } = null!;

    public ExerciseSession Session { get; private set; } = null!;

    /// <summary>Exercise control of another exercise on the same gateway.</summary>
    public string OtherExerciseFacilitator { get; private set; } = null!;

    public string OtherExerciseId { get; private set; } = null!;

    public long LastSequence { get; private set; }

    /// <summary>Every string that must not reach a viewer outside ARD and exercise control.</summary>
    public IReadOnlyList<string> Secrets => [.. Planted, .. Credentials, .. ArdeniaSecrets.ControlOnly];

    /// <summary>The planted strings and ARD's exact private values (as JSON fragments).</summary>
    public IReadOnlyList<string> Planted { get; private set; } = [];

    /// <summary>ARD's and exercise control's tokens, and a join code for ARD: credentials no one else may receive.</summary>
    public IReadOnlyList<string> Credentials { get; private set; } = [];

    /// <summary>Live connections by viewer name, joined before ARD acted and caught up to the end.</summary>
    public Dictionary<string, LiveClient> Live { get; } = [];

    public string? Token(string viewer) => viewer switch
    {
        "BOR" => Session.Borovia,
        "observer" => Session.Observer,
        "other exercise" => OtherExerciseFacilitator,
        "ARD" => Session.Ardenia,
        "facilitator" => Session.Facilitator,
        "no token" => null,
        _ => throw new ArgumentOutOfRangeException(nameof(viewer), viewer, null),
    };

    /// <summary>The viewer's nation (what its events may be addressed to), null for public-only viewers.</summary>
    public static string? NationOf(string viewer) => viewer == "BOR" ? "BOR" : null;

    public async Task InitializeAsync()
    {
        Gateway = await GatewayHost.StartAsync(_data.Path);
        Api = new GatewayApi(Gateway.Http);
        Session = await ExerciseSession.Create(Api);
        var other = await Api.CreateExercise();
        OtherExerciseId = other.ExerciseId;
        OtherExerciseFacilitator = await Api.Join(other.FacilitatorCode);

        foreach (var viewer in new[] { "BOR", "observer", "other exercise", "facilitator" })
        {
            Live[viewer] = await LiveClient.JoinAsync(Gateway.BaseAddress, Token(viewer)!);
        }

        // A join code is a credential: a second code for ARD, issued while the others watch, must reach no one else.
        var ardeniaCode = await Api.IssueCode(Session.Facilitator, Session.ExerciseId, "team", "ARD");
        LastSequence = await ArdeniaSecrets.Plant(Api, Session);
        Planted = [.. ArdeniaSecrets.Strings, .. await ArdeniaSecrets.PrivateValueFragments(Api, Session)];
        Credentials = [Session.Ardenia, Session.Facilitator, ardeniaCode];

        foreach (var (viewer, client) in Live)
        {
            if (viewer == "other exercise")
            {
                // Its own exercise's news is the last thing it can be sent; anything from the first exercise came before.
                var news = await Api.Accept(OtherExerciseFacilitator, OtherExerciseId, "exercise.start");
                await client.CatchUpTo(news.LastSequence!.Value);
            }
            else
            {
                await client.CatchUpTo(LastSequence);
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in Live.Values)
        {
            await client.DisposeAsync();
        }

        await Gateway.DisposeAsync();
        _data.Dispose();
    }
}
