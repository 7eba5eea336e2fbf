using System.Net.Sockets;
using System.Text;

namespace CrisisGrid.Gateway.Tests.Fuzz;

/// <summary>An HTTP answer as it arrived on the socket.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.TryGetValue("content-type", out var type) ? type : null;
}

/// <summary>
/// Sends bytes that HttpClient refuses to produce (a %00 in the path, a request line of 20 KB, 40 KB of headers,
/// broken request lines) and reads the answer, so tests see what Kestrel itself answers before any middleware.
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> Send(Uri baseAddress, byte[] request, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, cancel.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cancel.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before reading everything (an oversized head): read what it said.
        }

        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, cancel.Token);
        }
        catch (IOException) when (received.Length > 0)
        {
            // Reset after the answer was sent.
        }

        return Parse(received.ToArray());
    }

    public static byte[] Request(string method, string target, IEnumerable<(string Name, string Value)>? headers = null, string? body = null, string host = "127.0.0.1")
    {
        var text = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? [])
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var content = body is null ? [] : Encoding.UTF8.GetBytes(body);
        if (body is not null)
        {
            text.Append("Content-Length: ").Append(content.Length).Append("\r\n");
        }

        text.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(text.ToString()), .. content];
    }

    private static RawResponse Parse(byte[] bytes)
    {
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (split < 0)
        {
            return new RawResponse(0, new Dictionary<string, string>(), Encoding.UTF8.GetString(bytes));
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, split).Split("\r\n");
        var status = lines[0].Length >= 12 && int.TryParse(lines[0].AsSpan(9, 3), out var s) ? s : 0;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var body = bytes.AsSpan(split + 4);
        var chunked = headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        return new RawResponse(status, headers, Encoding.UTF8.GetString(chunked ? Dechunk(body) : body));
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> chunked)
    {
        using var result = new MemoryStream();
        while (chunked.Length > 0)
        {
            var end = chunked.IndexOf("\r\n"u8);
            if (end < 0 || !int.TryParse(Encoding.ASCII.GetString(chunked[..end]).Split(';')[0].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }

            var take = Math.Min(size, chunked.Length - end - 2);
            result.Write(chunked.Slice(end + 2, take));
            chunked = chunked[Math.Min(chunked.Length, end + 2 + take + 2)..];
        }

        return result.ToArray();
    }
}
