using Orator.Core.Audio;

namespace Orator.Audio.Metering;

/// <summary>
/// Measures how many seconds of audio an encoded stream holds while its bytes pass by unchanged
/// (a gateway relaying an upstream response): <see cref="Observe"/> each chunk in order, read
/// <see cref="Seconds"/> at any point. Chunks may split headers and frames anywhere, down to one
/// byte. Nothing is buffered but a few header bytes, and <see cref="Observe"/> allocates nothing.
/// One instance measures one stream; not thread-safe. What each format's count rests on, and how
/// exact it is, is in <c>docs/architecture/duration-meter.md</c>.
/// </summary>
public sealed class EncodedDurationMeter
{
    private readonly FormatDurationParser _parser;

    private EncodedDurationMeter(AudioFormat format, FormatDurationParser parser)
    {
        Format = format;
        _parser = parser;
    }

    /// <summary>The format the bytes are read as.</summary>
    public AudioFormat Format { get; }

    /// <summary>
    /// Seconds of audio in the bytes seen so far, or null while they do not (yet) show a stream of
    /// <see cref="Format"/> whose duration can be told: no header, or bytes that are not that format.
    /// </summary>
    public double? Seconds => _parser.Seconds;

    /// <summary>A meter for a stream of <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a known format.</exception>
    public static EncodedDurationMeter For(AudioFormat format) => new(format, format switch
    {
        AudioFormat.Mp3 => new Mp3DurationParser(),
        AudioFormat.Opus => new OggOpusDurationParser(),
        AudioFormat.Aac => new AdtsDurationParser(),
        AudioFormat.Flac => new FlacDurationParser(),
        AudioFormat.Wav => new WavDurationParser(),
        AudioFormat.Pcm => new PcmDurationParser(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No duration parser for this format."),
    });

    /// <summary>Reads the next chunk of the stream; never throws on malformed bytes.</summary>
    public void Observe(ReadOnlySpan<byte> bytes) => _parser.Observe(bytes);
}
