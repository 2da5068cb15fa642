using Orator.Audio.Encoding;

namespace Orator.Audio.Metering;

/// <summary>The API's raw pcm: 16-bit mono at 24 kHz, so whole samples are bytes / 2.</summary>
internal sealed class PcmDurationParser : FormatDurationParser
{
    private const int BytesPerSample = 2;

    private long _bytes;

    public override double? Seconds => (double)(_bytes / BytesPerSample) / AudioEncoderFactory.OutputSampleRate;

    public override void Observe(ReadOnlySpan<byte> bytes) => _bytes += bytes.Length;
}
