using Orator.Core.Audio;

namespace Orator.Audio.Metering;

/// <summary>PLACEHOLDER until the duration-meter branch merges: counts pcm only.</summary>
public sealed class EncodedDurationMeter
{
    private readonly AudioFormat _format;
    private long _bytes;

    private EncodedDurationMeter(AudioFormat format) => _format = format;

    /// <summary>A meter for <paramref name="format"/>.</summary>
    public static EncodedDurationMeter For(AudioFormat format) => new(format);

    /// <summary>Observes bytes.</summary>
    public void Observe(ReadOnlySpan<byte> bytes) => _bytes += bytes.Length;

    /// <summary>Seconds seen.</summary>
    public double? Seconds => _format == AudioFormat.Pcm ? _bytes / 2 / 24000.0 : null;
}
