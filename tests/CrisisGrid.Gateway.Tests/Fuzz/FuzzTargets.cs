namespace CrisisGrid.Gateway.Tests.Fuzz;

/// <summary>The exercise under fuzz and the credentials inputs may carry.</summary>
public sealed record FuzzTargets(
    string ExerciseId,
    string OtherExerciseId,
    IReadOnlyList<(string Name, string Token, string CodeId)> Tokens,
    string RefreshToken,
    string ValidScenarioYaml,
    IReadOnlyList<string> CommandTypes);

/// <summary>One generated HTTP input: the bytes on the wire, the route it aims at, and the command id it carries, if any.</summary>
public sealed record FuzzRequest(string Route, byte[] Bytes, string? ScopedCommandId);

/// <summary>One generated hub input: a frame's text, the invocation id to wait for (none: no answer is due), and its command id.</summary>
public sealed record FuzzFrame(string Method, string Text, string? InvocationId, string? ScopedCommandId);
