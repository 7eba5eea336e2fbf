using System.Security.Cryptography;
using System.Text;

namespace CrisisGrid.Grains.Access;

/// <summary>
/// Join codes: short secrets exercise control hands out, one per role (facilitator, a nation's team, observer).
/// Only their SHA-256 hash is stored. 12 characters of Crockford base32 (60 bits), shown as XXXX-XXXX-XXXX.
/// </summary>
public static class JoinCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Generate()
    {
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{chars[..4]}-{chars[4..8]}-{chars[8..]}";
    }

    /// <summary>Upper-cases, drops separators and maps look-alikes (O→0, I/L→1), so people can type codes loosely.</summary>
    public static string Normalize(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code.ToUpperInvariant())
        {
            var mapped = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                builder.Append(mapped);
            }
        }

        return builder.ToString();
    }

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));
}
