using Orator.Core.Audio;

namespace Orator.Audio.Encoding;

/// <summary>Whether a response format can be produced here, and if not, what to install.</summary>
/// <param name="Format">The format.</param>
/// <param name="Problem">Null when available; otherwise a message naming the missing library and its package.</param>
public sealed record EncoderAvailability(AudioFormat Format, string? Problem)
{
    /// <summary>True when the format's encoder can be created.</summary>
    public bool IsAvailable => Problem is null;
}
