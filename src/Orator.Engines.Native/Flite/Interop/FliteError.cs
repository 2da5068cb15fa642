using Orator.Core.Errors;

namespace Orator.Engines.Flite.Interop;

/// <summary>
/// The one place Flite failures become exceptions. Flite reports failure by returning NULL
/// (serious internal errors end the process, which is why it runs in a worker).
/// </summary>
internal static unsafe class FliteError
{
    /// <summary>Throws <see cref="EngineUnavailableException"/> when <paramref name="result"/> is NULL.</summary>
    public static void ThrowIfNull(void* result, string operation)
    {
        if (result == null)
        {
            throw new EngineUnavailableException($"Flite failed to {operation} (the native call returned NULL).");
        }
    }

    /// <summary>An exception for a voice name this engine does not have.</summary>
    public static EngineUnavailableException UnknownVoice(string name, IEnumerable<string> known)
        => new($"Flite has no voice named '{name}'. Available: {string.Join(", ", known)}.");
}
