using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Orator.Storage.Keys;

/// <summary>
/// The key format <c>sk-orator-{id}_{secret}</c>: a 12-character public id (the row to read) and a
/// 32-character secret (190 bits from <see cref="RandomNumberGenerator"/>), both base62. Only
/// HMAC-SHA256(salt, secret) is stored; verification reads one row and compares in constant time.
/// </summary>
public static class ApiKeySecret
{
    /// <summary>The recognisable start of every stored key.</summary>
    public const string Prefix = "sk-orator-";

    /// <summary>Length of the public id.</summary>
    public const int IdLength = 12;

    /// <summary>Length of the secret part.</summary>
    public const int SecretLength = 32;

    /// <summary>Salt bytes per key.</summary>
    public const int SaltSize = 16;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A new random public id.</summary>
    public static string NewId() => RandomNumberGenerator.GetString(Alphabet, IdLength);

    /// <summary>A new random secret part.</summary>
    public static string NewSecret() => RandomNumberGenerator.GetString(Alphabet, SecretLength);

    /// <summary>A new random salt.</summary>
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltSize);

    /// <summary>The full key for an id and secret.</summary>
    public static string Format(string id, string secret) => Prefix + id + "_" + secret;

    /// <summary>
    /// Splits a presented key into id and secret; false when it does not have the stored-key shape
    /// (such a key may still be one of the static <c>ORATOR_API_KEYS</c>).
    /// </summary>
    public static bool TryParse(string presented, out string id, out ReadOnlySpan<char> secret)
    {
        ArgumentNullException.ThrowIfNull(presented);
        id = string.Empty;
        secret = default;
        var span = presented.AsSpan();
        if (span.Length != Prefix.Length + IdLength + 1 + SecretLength
            || !span.StartsWith(Prefix, StringComparison.Ordinal)
            || span[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var idSpan = span.Slice(Prefix.Length, IdLength);
        if (idSpan.ContainsAnyExcept(AlphabetValues))
        {
            return false;
        }

        id = idSpan.ToString();
        secret = span[(Prefix.Length + IdLength + 1)..];
        return true;
    }

    /// <summary>HMAC-SHA256 of <paramref name="secret"/> keyed with <paramref name="salt"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> salt, ReadOnlySpan<char> secret)
    {
        var hash = new byte[HMACSHA256.HashSizeInBytes];
        Hash(salt, secret, hash);
        return hash;
    }

    /// <summary>
    /// True when <paramref name="secret"/> hashes to <paramref name="expectedHash"/>. The secret is
    /// hashed whole and the hashes compared with <see cref="CryptographicOperations.FixedTimeEquals"/>,
    /// so how many leading characters match does not change the time taken.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> expectedHash, ReadOnlySpan<char> secret)
    {
        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Hash(salt, secret, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expectedHash);
    }

    private static void Hash(ReadOnlySpan<byte> salt, ReadOnlySpan<char> secret, Span<byte> destination)
    {
        Span<byte> utf8 = stackalloc byte[256];
        byte[]? rented = null;
        var max = Encoding.UTF8.GetMaxByteCount(secret.Length);
        if (max > utf8.Length)
        {
            rented = ArrayPool<byte>.Shared.Rent(max);
            utf8 = rented;
        }

        try
        {
            var written = Encoding.UTF8.GetBytes(secret, utf8);
            HMACSHA256.HashData(salt, utf8[..written], destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(utf8);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);
}
