using System.Text.Json.Nodes;

namespace CrisisGrid.Gateway.Tests.Security;

/// <summary>
/// Checks what one viewer received against the fog of war, in two independent ways: the structure (every event's
/// audience admits the viewer, no private nation part, no alliance member part, no exercise-control part that the
/// viewer may not see) and the raw text (none of the planted secret strings appears anywhere, whatever field or
/// message might carry it).
/// </summary>
public static class Fog
{
    /// <param name="nation">The viewer's nation (a team), or null for a viewer with the public view only.</param>
    /// <param name="hiddenNations">Nations whose private part the viewer must not see.</param>
    /// <param name="hiddenAlliances">Alliances whose member part the viewer must not see.</param>
    public static void AssertStructure(JsonNode? node, string? nation, string[] hiddenNations, string[] hiddenAlliances, string where)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["audience"] is JsonObject audience)
                {
                    var kind = (string)audience["kind"]!;
                    var nations = audience["nations"]?.AsArray().Select(n => (string)n!).ToList() ?? [];
                    Assert.True(
                        kind == "public" || (kind == "nations" && nation is not null && nations.Contains(nation)),
                        $"{where}: an event for {kind} {string.Join(",", nations)} reached a viewer of {nation ?? "the public view"}: {o.ToJsonString()[..Math.Min(300, o.ToJsonString().Length)]}");
                }

                if (o["code"] is JsonValue code && code.TryGetValue<string>(out var c))
                {
                    Assert.False(hiddenNations.Contains(c) && o.ContainsKey("private") && o["private"] is not null, $"{where}: {c}'s private part is visible.");
                    Assert.False(hiddenAlliances.Contains(c) && o["member"] is JsonObject, $"{where}: {c}'s member traffic is visible.");
                }

                // ExerciseView.Control (an object) is for exercise control; NationView.Control is a string ("team").
                Assert.False(o["control"] is JsonObject, $"{where}: the exercise-control view is visible.");
                foreach (var (_, child) in o)
                {
                    AssertStructure(child, nation, hiddenNations, hiddenAlliances, where);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    AssertStructure(child, nation, hiddenNations, hiddenAlliances, where);
                }

                break;
        }
    }

    public static void AssertNoSecret(string text, IEnumerable<string> secrets, string where)
    {
        foreach (var secret in secrets)
        {
            var at = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, $"{where}: '{secret}' leaked: …{Around(text, at)}…");
        }
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 150)..Math.Min(text.Length, at + 150)];
}
