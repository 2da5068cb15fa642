using Microsoft.AspNetCore.Http;

namespace Orator.Server.Hosting;

/// <summary>
/// The paths of the API proper: <c>/v1/*</c>, and <c>/dev/captioned_speech</c> (Kokoro-FastAPI's
/// path, kept where its clients look for it). Keys, limits and usage cover exactly these.
/// </summary>
internal static class ApiPaths
{
    /// <summary>Kokoro-FastAPI's captioned speech endpoint.</summary>
    public const string CaptionedSpeech = "/dev/captioned_speech";

    /// <summary>True for a request to the API (keys are checked, usage recorded).</summary>
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/v1", StringComparison.Ordinal) || path.Equals(CaptionedSpeech, StringComparison.Ordinal);
}
