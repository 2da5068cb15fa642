using System.Security.Cryptography;
using Orator.Models.Catalog;

namespace Orator.Models.Tests.Support;

/// <summary>Deterministic fixture bytes and the model files describing them.</summary>
public static class Fixtures
{
    /// <summary>True once the partial download of <paramref name="destination"/> holds at least <paramref name="bytes"/> (the downloader writes unbuffered).</summary>
    public static Func<bool> PartHolds(string destination, long bytes) => () =>
    {
        var part = new FileInfo(destination + ".part");
        return part.Exists && part.Length >= bytes;
    };

    /// <summary><paramref name="length"/> pseudo-random bytes from <paramref name="seed"/>.</summary>
    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

#pragma warning disable CA5351 // Piper publishes md5; the tests must compute the same.
    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351

    /// <summary>A file at <c>piper/&lt;name&gt;</c> served from <paramref name="server"/> with its real size and sha256.</summary>
    public static ModelFile File(FixtureServer server, string name, byte[] body, bool withDigest = true) =>
        new($"piper/{name}", new Uri(server.BaseUri, "files/" + name), body.Length, withDigest ? Sha256(body) : null, null);
}
