using Orator.Core.Errors;

namespace Orator.Engines.EspeakNg.Interop;

/// <summary>The one place espeak-ng status codes become exceptions.</summary>
internal static class EspeakError
{
    /// <summary>Throws <see cref="EngineUnavailableException"/> unless <paramref name="status"/> is <see cref="EspeakStatus.Ok"/>.</summary>
    public static void ThrowIfFailed(EspeakStatus status, string operation)
    {
        if (status != EspeakStatus.Ok)
        {
            throw new EngineUnavailableException($"espeak-ng failed to {operation}: {Describe(status)}.");
        }
    }

    /// <summary>An exception for a voice name this engine does not have.</summary>
    public static EngineUnavailableException UnknownVoice(string name)
        => new($"espeak-ng has no voice named '{name}' (names are language tags such as en-us, en-gb, fr-fr, de).");

    /// <summary>An exception for a voice selection espeak-ng accepted but did not carry out.</summary>
    public static EngineUnavailableException VoiceNotSelected(string identifier, string? current)
        => new($"espeak-ng did not switch to the voice '{identifier}' (current voice: '{current ?? "none"}').");

    private static string Describe(EspeakStatus status) => status switch
    {
        EspeakStatus.InternalError => "internal error (EE_INTERNAL_ERROR)",
        EspeakStatus.BufferFull => "buffer full (EE_BUFFER_FULL)",
        EspeakStatus.NotFound => "not found (EE_NOT_FOUND)",
        _ => $"error code {(int)status}",
    };
}
