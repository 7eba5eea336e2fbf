using System.Globalization;
using System.Text;

namespace CrisisGrid.Gateway.Tests.Fuzz;

/// <summary>Generates HTTP requests and hub frames over every endpoint and hub method from one seed.</summary>
public sealed class FuzzInputs(int seed, FuzzTargets targets)
{
    private static readonly string[] ArgKeys =
        ["alliance", "draftId", "choice", "member", "orderId", "action", "kind", "nation", "headline", "body", "injectId", "by", "reason", "role",
         "codeId", "text", "title", "target", "amount", "resources", "deadline", "effects", "indices", "outcome", "team", "statement", "position", "topic"];

    private static readonly string[] Methods = ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO", "TRACE"];

    private readonly FuzzValues _v = new(new Random(seed));
    private int _count;

    public FuzzRequest NextRequest()
    {
        var n = Interlocked.Increment(ref _count);
        var (token, codeId) = Token();
        var id = _v.Segment(_v.Chance(0.9) ? targets.ExerciseId : targets.OtherExerciseId);
        var commandId = $"fz-{seed}-{n}";
        var (route, method, target, body) = _v.Random.Next(17) switch
        {
            0 => ("GET /api/scenarios", "GET", "/api/scenarios", null),
            1 => ("GET /api/exercises", "GET", "/api/exercises", null),
            2 => ("POST /api/exercises", "POST", "/api/exercises", CreateBody()),
            3 => ("GET /api/exercises/{id}", "GET", $"/api/exercises/{id}", null),
            4 => ("GET /api/exercises/{id}/events", "GET", $"/api/exercises/{id}/events?after={_v.QueryValue()}&max={_v.QueryValue()}", null),
            5 => ("GET /api/exercises/{id}/nations/{code}", "GET", $"/api/exercises/{id}/nations/{_v.Segment(_v.Pick(new[] { "ARD", "BOR", "CAL", "DUN" }))}", null),
            6 => ("GET /api/exercises/{id}/alliances/{code}", "GET", $"/api/exercises/{id}/alliances/{_v.Segment("NCP")}", null),
            7 => ("GET /api/exercises/{id}/replay", "GET", $"/api/exercises/{id}/replay?at={_v.QueryValue()}&as={_v.Pick(new[] { "facilitator", "observer", "team:ARD", "team:", "spy", _v.QueryValue() })}", null),
            8 => ("GET /api/exercises/{id}/join-codes", "GET", $"/api/exercises/{id}/join-codes", null),
            9 or 10 or 11 => ("POST /api/exercises/{id}/commands", "POST", $"/api/exercises/{id}/commands", CommandBody(commandId)),
            12 => ("POST /api/join", "POST", "/api/join", JoinBody()),
            13 => ("POST /api/join/refresh", "POST", "/api/join/refresh", RefreshBody()),
            14 => ("GET /api/me", "GET", "/api/me", null),
            15 => _v.Chance(0.5) ? ("GET /health", "GET", "/health", null) : ("GET /ops/metrics", "GET", "/ops/metrics", null),
            _ => ("other", _v.Chance(0.5) ? "GET" : "POST", _v.Chance(0.5) ? GatewayApp.HubPath + "/negotiate?negotiateVersion=" + _v.QueryValue() : "/" + _v.Segment("api") + "/" + _v.Segment("x"), _v.Chance(0.5) ? _v.Json() : null),
        };

        if (_v.Chance(0.04))
        {
            method = _v.Pick(Methods);
        }

        var headers = Headers(token, body is not null);
        var bytes = Build(method, target, headers, body);
        var scoped = route.EndsWith("/commands", StringComparison.Ordinal) && codeId is not null ? $"{codeId}:{commandId}" : null;
        return new FuzzRequest(route, bytes, scoped);
    }

    public FuzzFrame NextFrame(string codeId)
    {
        var n = Interlocked.Increment(ref _count);
        var invocationId = n.ToString(CultureInfo.InvariantCulture);
        var commandId = $"fz-{seed}-{n}";
        var method = _v.Random.Next(10) switch
        {
            < 2 => "Join",
            < 4 => "Resync",
            < 5 => "Snapshot",
            < 9 => "Send",
            _ => _v.Chance(0.5) ? _v.Text() : "OnConnectedAsync",
        };
        var arguments = method switch
        {
            "Resync" => _v.Chance(0.6) ? $"[{_v.Pick(new[] { "0", "-1", "5", "9223372036854775807", "1e400", "\"x\"", "null" })}]" : $"[{_v.Json()}]",
            "Send" => _v.Chance(0.85) ? $"[{CommandBody(commandId)}]" : $"[{_v.Json()},{_v.Json()}]",
            _ => _v.Chance(0.7) ? "[]" : $"[{_v.Json()}]",
        };
        var type = _v.Chance(0.9) ? 1 : _v.Pick(new[] { 2, 3, 4, 5, 6, 8, 99, -1 });
        var extra = _v.Random.Next(12) switch
        {
            0 => ",\"streamIds\":[\"s1\"]",
            1 => ",\"headers\":{\"x\":\"y\"}",
            2 => ",\"streamIds\":" + _v.Json(),
            _ => "",
        };
        var target = FuzzValues.Quote(method);
        var text = $"{{\"type\":{type},\"invocationId\":\"{invocationId}\",\"target\":{target},\"arguments\":{arguments}{extra}}}";
        if (_v.Chance(0.06))
        {
            text = _v.Break(text);
            return new FuzzFrame("broken frame", text, null, null);
        }

        // Only invocations (type 1) with an id are answered; stream invocations (4) are answered with a completion too.
        var answered = type is 1 or 4;
        var scoped = method == "Send" && arguments.Contains(commandId, StringComparison.Ordinal) ? $"{codeId}:{commandId}" : null;
        return new FuzzFrame(method is "Join" or "Resync" or "Snapshot" or "Send" ? method : "other", text, answered ? invocationId : null, scoped);
    }

    private (string? Token, string? CodeId) Token() => _v.Random.Next(20) switch
    {
        < 15 => _v.Pick(targets.Tokens) is var t ? (t.Token, t.CodeId) : default,
        15 or 16 => (null, null),
        17 => (_v.Noise(_v.Random.Next(1, 400)), null),
        18 => (targets.RefreshToken, null),
        _ => ("eyJ" + _v.Noise(40), null),
    };

    private string CommandBody(string commandId)
    {
        var type = _v.Chance(0.9) ? _v.Pick(targets.CommandTypes) : _v.Text();
        var id = _v.Chance(0.9) ? commandId : _v.Text();
        var args = _v.Random.Next(6) switch
        {
            0 => null,
            1 => _v.Json(2, ArgKeys),
            _ => _v.JsonObjectText(ArgKeys, 2),
        };
        var body = args is null
            ? $"{{\"commandId\":\"{id}\",\"type\":\"{type}\"}}"
            : $"{{\"commandId\":\"{id}\",\"type\":\"{type}\",\"args\":{args}}}";
        return _v.Random.Next(12) switch
        {
            0 => _v.Break(body),
            1 => body.Insert(1, $"\"{_v.Text()}\":{_v.Json()},"),
            2 => _v.Json(3, ["commandId", "type", "args"]),
            _ => body,
        };
    }

    private string CreateBody() => _v.Random.Next(10) switch
    {
        0 => $"{{\"scenarioId\":\"small-test\",\"name\":{FuzzValues.Quote(_v.Text())}}}",
        1 => $"{{\"scenarioYaml\":{Escape(targets.ValidScenarioYaml)}}}",
        2 => $"{{\"scenarioYaml\":{Escape(MangleYaml())}}}",
        3 => $"{{\"scenarioYaml\":{Escape(ManyNations(_v.Random.Next(50, 9_000)))}}}",
        4 => _v.Break("{\"scenarioId\":\"small-test\"}"),
        _ => _v.JsonObjectText(["name", "scenarioId", "scenarioYaml", "seed"], 2),
    };

    private string JoinBody() => _v.Random.Next(6) switch
    {
        0 => "{\"code\":\"ABCD-EFGH-JKMN\"}",
        1 => _v.Break("{\"code\":\"ABCD-EFGH-JKMN\"}"),
        _ => _v.JsonObjectText(["code"], 2),
    };

    private string RefreshBody() => _v.Random.Next(5) switch
    {
        0 => $"{{\"refreshToken\":\"{targets.RefreshToken}\"}}",
        1 => $"{{\"refreshToken\":\"{_v.Noise(200)}\"}}",
        _ => _v.JsonObjectText(["refreshToken"], 2),
    };

    private string MangleYaml()
    {
        var lines = targets.ValidScenarioYaml.Split('\n').ToList();
        for (var i = 0; i < _v.Random.Next(1, 6); i++)
        {
            var at = _v.Random.Next(lines.Count);
            switch (_v.Random.Next(4))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[_v.Random.Next(lines.Count)]); break;
                case 2: lines[at] = lines[at].Replace(":", ": [", StringComparison.Ordinal); break;
                default: lines[at] = "  " + lines[at] + " &a *a"; break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string ManyNations(int count)
    {
        var text = new StringBuilder("format: crisisgrid/scenario\nversion: 1\nid: big\ntitle: Big\nclock: {start: 2031-03-01T06:00:00Z, turnDuration: PT12H, maxTurns: 2}\nnations:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - {{code: N{i:D4}, name: Nation {i}}}\n");
        }

        return text.ToString();
    }

    private static string Escape(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private List<(string, string)> Headers(string? token, bool hasBody)
    {
        var headers = new List<(string, string)>();
        if (token is not null)
        {
            headers.Add(("Authorization", _v.Chance(0.95) ? $"Bearer {token}" : _v.Pick(new[] { "Basic x", "Bearer", token, "Bearer  " + token })));
        }

        if (hasBody)
        {
            headers.Add(("Content-Type", _v.Random.Next(14) switch
            {
                0 => "application/json; charset=ebcdic",
                1 => "text/plain",
                2 => "application/json; charset=utf-16",
                3 => "multipart/form-data; boundary=x",
                4 => "application/x-www-form-urlencoded",
                5 => "application/problem+json",
                6 => "garbage;;;=",
                _ => "application/json",
            }));
        }

        switch (_v.Random.Next(30))
        {
            case 0: headers.Add(("X-Filler", new string('h', _v.Random.Next(1_000, 50_000)))); break;
            case 1: headers.Add(("Origin", "http://evil.example")); break;
            case 2: headers.Add(("Accept", _v.Pick(new[] { "text/plain", "text/html", "application/xml", "*/*;q=0" }))); break;
            case 3: headers.Add(("X-Operator-Key", _v.Noise(20))); break;
            case 4: headers.AddRange(Enumerable.Range(0, 120).Select(i => ($"X-H{i}", "v"))); break;
            case 5: headers.Add(("Accept-Charset", "ebcdic")); break;
        }

        return headers;
    }

    private byte[] Build(string method, string target, List<(string Name, string Value)> headers, string? body)
    {
        var content = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (body is not null)
        {
            if (content.Length > 0 && _v.Chance(0.1))
            {
                head.Append("Transfer-Encoding: chunked\r\n\r\n");
                var chunked = new StringBuilder();
                chunked.Append(content.Length.ToString("X", CultureInfo.InvariantCulture)).Append("\r\n");
                return [.. Encoding.Latin1.GetBytes(head.ToString()), .. Encoding.ASCII.GetBytes(chunked.ToString()), .. content, .. "\r\n0\r\n\r\n"u8.ToArray()];
            }

            head.Append("Content-Length: ").Append(content.Length).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. content];
    }
}
