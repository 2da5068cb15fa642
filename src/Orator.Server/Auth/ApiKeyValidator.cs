using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Orator.Server.Auth;

/// <summary>
/// Checks bearer tokens against the configured API keys. Keys are kept only as SHA-256 hashes
/// and a presented key is compared with every one of them in constant time, so neither the
/// position of a mismatch nor which key matched shows in the response time.
/// </summary>
internal sealed class ApiKeyValidator
{
    /// <summary>The environment variable that lists keys, separated by commas or whitespace.</summary>
    public const string EnvironmentVariable = "ORATOR_API_KEYS";

    private const int HashSize = SHA256.HashSizeInBytes;

    // Presented keys up to this many UTF-8 bytes are hashed from the stack.
    private const int StackKeyBytes = 256;

    private static readonly char[] KeySeparators = [',', ' ', '\t', '\r', '\n'];

    private readonly byte[] _keyHashes;

    /// <summary>Creates a validator for the given keys; none means the server is open.</summary>
    /// <exception cref="ArgumentException">A key is empty or whitespace.</exception>
    public ApiKeyValidator(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = new List<string>();
        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("An API key must not be empty or whitespace.", nameof(keys));
            }

            if (!distinct.Contains(key, StringComparer.Ordinal))
            {
                distinct.Add(key);
            }
        }

        _keyHashes = new byte[distinct.Count * HashSize];
        for (var i = 0; i < distinct.Count; i++)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(distinct[i]), _keyHashes.AsSpan(i * HashSize, HashSize));
        }
    }

    /// <summary>The number of distinct configured keys.</summary>
    public int KeyCount => _keyHashes.Length / HashSize;

    /// <summary>True when no key is configured: every request is let in.</summary>
    public bool IsOpen => _keyHashes.Length == 0;

    /// <summary>
    /// True when <paramref name="presentedKey"/> equals a configured key, or when the validator
    /// <see cref="IsOpen"/>. A null or empty key is never valid on a closed server.
    /// </summary>
    public bool IsValid(string? presentedKey)
    {
        if (IsOpen)
        {
            return true;
        }

        if (string.IsNullOrEmpty(presentedKey))
        {
            return false;
        }

        Span<byte> presentedHash = stackalloc byte[HashSize];
        HashUtf8(presentedKey, presentedHash);

        // Non-short-circuit '|' and no early exit: every key is compared every time.
        var match = false;
        for (var offset = 0; offset < _keyHashes.Length; offset += HashSize)
        {
            match |= CryptographicOperations.FixedTimeEquals(presentedHash, _keyHashes.AsSpan(offset, HashSize));
        }

        return match;
    }

    /// <summary>
    /// The token of an <c>Authorization: Bearer &lt;token&gt;</c> header (scheme matched
    /// case-insensitively, token trimmed), or null for a missing header, another scheme or an empty token.
    /// </summary>
    public static string? ExtractBearer(string? authorizationHeader)
    {
        const string Scheme = "Bearer";
        if (authorizationHeader is null)
        {
            return null;
        }

        var header = authorizationHeader.AsSpan().Trim();
        if (header.Length <= Scheme.Length
            || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            || !char.IsWhiteSpace(header[Scheme.Length]))
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.IsEmpty ? null : token.ToString();
    }

    /// <summary>Splits a key list such as the <see cref="EnvironmentVariable"/> value into distinct keys.</summary>
    public static IReadOnlyList<string> ParseKeyList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        return value
            .Split(KeySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static void HashUtf8(string key, Span<byte> hash)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= StackKeyBytes
            ? stackalloc byte[StackKeyBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var written = Encoding.UTF8.GetBytes(key, buffer);
            SHA256.HashData(buffer[..written], hash);
        }
        finally
        {
            if (rented is not null)
            {
                // The buffer held a secret candidate; do not leave it in the shared pool.
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }
}
