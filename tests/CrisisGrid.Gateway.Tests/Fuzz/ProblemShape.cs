using System.Text.Json.Nodes;

namespace CrisisGrid.Gateway.Tests.Fuzz;

/// <summary>What every error a client can cause must look like: RFC 9457 problem details, with no .NET internals.</summary>
public static class ProblemShape
{
    private static readonly string[] Internals = ["Exception", "System.", "CrisisGrid.", "   at ", "Microsoft."];

    /// <summary>Null when <paramref name="body"/> is a problem document for <paramref name="status"/>; otherwise what is wrong.</summary>
    public static string? Check(int status, string? contentType, string body)
    {
        if (contentType is null || !contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            return $"content type '{contentType}' is not application/problem+json";
        }

        JsonObject? problem;
        try
        {
            problem = JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return "the body is not JSON";
        }

        if (problem is null || (int?)problem["status"] != status || string.IsNullOrWhiteSpace((string?)problem["title"])
            || string.IsNullOrWhiteSpace((string?)problem["detail"]) || problem["type"] is null)
        {
            return $"the body lacks status {status}, type, title or detail";
        }

        return Leak(body) is { } leak ? $"the body shows internals ('{leak}')" : null;
    }

    /// <summary>The first internal marker (exception type, .NET namespace, stack frame) in <paramref name="text"/>.</summary>
    public static string? Leak(string text) => Internals.FirstOrDefault(marker => text.Contains(marker, StringComparison.Ordinal));

    public static JsonObject Assert(int expectedStatus, int status, string? contentType, string body)
    {
        Xunit.Assert.True(status == expectedStatus, $"Expected {expectedStatus}, got {status}: {body}");
        var problem = Check(status, contentType, body);
        Xunit.Assert.True(problem is null, $"{problem}: {body}");
        return (JsonObject)JsonNode.Parse(body)!;
    }

    public static async Task<JsonObject> Assert(int expectedStatus, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return Assert(expectedStatus, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
    }
}
