using System.Text;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>
/// Deterministic stand-in audio: <c>FAULTY-UPSTREAM &lt;name&gt;\n</c> then pseudo-random bytes
/// seeded by the name, so the same name always gives the same bytes and two names differ.
/// </summary>
public static class UpstreamPayload
{
    public static string Prefix(string name) => $"FAULTY-UPSTREAM {name}\n";

    public static byte[] Create(string name, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var payload = new byte[length];
        var prefix = Encoding.UTF8.GetBytes(Prefix(name));
        prefix.AsSpan(0, Math.Min(prefix.Length, length)).CopyTo(payload);

        // xorshift32 from an FNV-1a hash of the name: string.GetHashCode differs per process.
        var state = 2166136261u;
        foreach (var b in prefix)
        {
            state = (state ^ b) * 16777619u;
        }

        state = state == 0 ? 1 : state;
        for (var i = prefix.Length; i < length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            payload[i] = (byte)state;
        }

        return payload;
    }
}
