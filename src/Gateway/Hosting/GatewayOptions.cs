namespace CrisisGrid.Gateway.Hosting;

/// <summary>The "Gateway" configuration section.</summary>
public sealed class GatewayOptions
{
    /// <summary>Where the gateway keeps its data-protection keys (which sign tokens): gateways of one deployment share it.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Folder holding the built web client (index.html); empty to serve the API only.</summary>
    public string WebRoot { get; set; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>When set, an exercise from this scenario is created at first start and a facilitator code printed.</summary>
    public SampleExerciseOptions? SampleExercise { get; set; }

    /// <summary>Browser origins allowed besides the gateway's own addresses (CORS and WebSocket origin check).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Whether anyone may create exercises (the embedded default); otherwise operators only.</summary>
    public bool OpenExerciseCreation { get; set; } = true;

    /// <summary>How long a token from a join code is good for.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public GatewayLimits Limits { get; set; } = new();
}

public sealed class SampleExerciseOptions
{
    public string Scenario { get; set; } = "northern-shield";

    public string Name { get; set; } = "Northern Shield (sample)";

    /// <summary>Fixed seed, so the sample plays the same way every time.</summary>
    public long Seed { get; set; } = 2031;
}

public sealed class GatewayLimits
{
    /// <summary>Largest SignalR message a client may send.</summary>
    public long MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Largest HTTP request body (a scenario upload is the largest thing a client sends).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Sustained hub invocations per second per connection.</summary>
    public int MessagesPerSecond { get; set; } = 20;

    /// <summary>Burst of hub invocations a connection may make above the sustained rate.</summary>
    public int MessageBurst { get; set; } = 40;

    /// <summary>Live connections this gateway accepts; more are refused.</summary>
    public int MaxConnections { get; set; } = 5000;

    /// <summary>Join attempts per minute per client address (a join code is a short secret).</summary>
    public int JoinAttemptsPerMinute { get; set; } = 30;
}
