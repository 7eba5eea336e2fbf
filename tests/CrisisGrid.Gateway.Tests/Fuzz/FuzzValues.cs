using System.Globalization;
using System.Text;

namespace CrisisGrid.Gateway.Tests.Fuzz;

/// <summary>
/// Seeded hostile values, as JSON text: the edges people and attackers reach for (lone surrogates, NULs, huge and
/// negative numbers, deep nesting, long text, path tricks) mixed with plausible domain values so that inputs also get
/// past the first checks. A small generator of our own rather than FsCheck's: inputs are raw bytes and JSON text,
/// which FsCheck's shrinking cannot make smaller in any useful way.
/// </summary>
public sealed class FuzzValues(Random random)
{
    private static readonly string[] Plausible =
        ["ARD", "BOR", "CAL", "DUN", "NCP", "NSA", "d1", "draft-1", "o1", "yes", "no", "abstain", "hold", "mobilise", "team", "observer", "facilitator",
         "border-incident", "PT1H", "01:00:00", "2031-03-01T06:00:00Z", "statement", "consultation", "art-4"];

    private static readonly string[] Hostile =
        ["", " ", "\\ud800", "L\\ud800", "\\udc00x", "\\u0000", "%00", "../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>", "${jndi:x}",
         "Ünïcödé ✓ 😀", "\\u202e", "null", "NaN", "-1", "9223372036854775808", "ABCD-EFGH-JKMN", "\\\\", "\\\"", "\\n\\r\\t"];

    private static readonly string[] Numbers =
        ["0", "-1", "1", "42", "-0", "1.5", "1e309", "-1e309", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1E2", "0.0000001", "123456789012345678901234567890"];

    public Random Random => random;

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Text for inside JSON quotes (escapes included as written).</summary>
    public string Text() => random.Next(10) switch
    {
        < 4 => Pick(Plausible),
        < 7 => Pick(Hostile),
        7 => new string(Pick("xAZ9é".ToCharArray()), random.Next(1, 200)),
        8 => new string('x', Chance(0.5) ? random.Next(7_990, 8_010) : random.Next(1, 20_000)),
        _ => Noise(random.Next(1, 40)),
    };

    /// <summary>Any JSON value, nested at most <paramref name="depth"/> deep (sometimes far deeper).</summary>
    public string Json(int depth = 3, IReadOnlyList<string>? keys = null) => random.Next(12) switch
    {
        0 => "null",
        1 => Chance(0.5) ? "true" : "false",
        2 or 3 => Pick(Numbers),
        4 or 5 or 6 => Quote(Text()),
        7 when depth > 0 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Json(depth - 1, keys))) + "]",
        8 or 9 when depth > 0 => JsonObjectText(keys ?? [], depth - 1),
        10 => Chance(0.3) ? Deep(random.Next(10, 60)) : Pick(Numbers),
        11 => Chance(0.1) ? "[" + string.Join(",", Enumerable.Repeat("1", random.Next(900, 1_200))) + "]" : Quote(Text()),
        _ => Quote(Pick(Plausible)),
    };

    public string JsonObjectText(IReadOnlyList<string> keys, int depth)
    {
        var fields = new List<string>();
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            var key = keys.Count > 0 && Chance(0.8) ? Pick(keys) : Text();
            fields.Add($"{Quote(key)}:{Json(depth, keys)}");
        }

        return "{" + string.Join(",", fields) + "}";
    }

    public static string Quote(string escapedText) => "\"" + escapedText + "\"";

    /// <summary>Breaks JSON text: cut short, a byte inserted, a brace dropped, or not JSON at all.</summary>
    public string Break(string json) => random.Next(5) switch
    {
        0 => json[..random.Next(0, Math.Max(1, json.Length))],
        1 => json.Insert(random.Next(0, json.Length + 1), Pick(new[] { "\u0000", "}", "\"", ",", "\\", "\u00ff", "'" })),
        2 => json.Replace("}", "", StringComparison.Ordinal),
        3 => "code=ABCD-EFGH-JKMN&x=1",
        _ => Noise(random.Next(1, 300)),
    };

    /// <summary>A path segment: usually a real one, else something hostile (percent-encoded bytes, very long, dots).</summary>
    public string Segment(string real) => random.Next(10) switch
    {
        < 6 => real,
        6 => Uri.EscapeDataString(Unescape(Text())),
        7 => "%" + random.Next(0, 256).ToString("X2", CultureInfo.InvariantCulture) + "x",
        8 => new string('a', Chance(0.5) ? random.Next(100, 2_000) : random.Next(8_000, 20_000)),
        _ => Pick(new[] { "..", "%2e%2e", "%2F", "%00", "a%00b", "%ff%fe", "%C0%AF", "~", "@", "%25" }),
    };

    public string QueryValue() => random.Next(6) switch
    {
        0 => Pick(Numbers),
        1 => "",
        2 => Uri.EscapeDataString(Unescape(Text())),
        _ => random.Next(-5, 5000).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The text an escaped string stands for, near enough for use outside JSON.</summary>
    public static string Unescape(string escaped)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string>(Quote(escaped)) ?? "";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return escaped;
        }
    }

    public string Noise(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)random.Next(0x20, 0x7f));
        }

        return text.ToString().Replace("\"", "'", StringComparison.Ordinal).Replace("\\", "/", StringComparison.Ordinal);
    }

    public static string Deep(int depth) => new string('[', depth) + new string(']', depth);
}
