using System.Security.Cryptography;

namespace Orator.Server.Playground;

/// <summary>
/// The playground's files, embedded in this assembly (see the csproj) so that the server ships
/// them without a static-files folder or a build step at run time.
/// </summary>
internal static class PlaygroundAssets
{
    private const string ResourcePrefix = "Orator.Server.Playground.";

    /// <summary>Every file with its URL path; each is mapped as its own route at startup.</summary>
    public static IReadOnlyList<PlaygroundAsset> All { get; } =
    [
        Load("/", "index.html", "text/html; charset=utf-8"),
        Load("/playground/playground.css", "playground.css", "text/css; charset=utf-8"),
        Load("/playground/playground.js", "playground.js", "text/javascript; charset=utf-8"),
        Load("/playground/snippets.js", "snippets.js", "text/javascript; charset=utf-8"),
        Load("/playground/words.js", "words.js", "text/javascript; charset=utf-8"),
    ];

    private static PlaygroundAsset Load(string path, string file, string contentType)
    {
        using var stream = typeof(PlaygroundAssets).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"Embedded playground file {file} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
        return new PlaygroundAsset(path, contentType, content, etag);
    }
}
