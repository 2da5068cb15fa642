using Orator.Audio.Encoding.Aac;
using Orator.Audio.Encoding.Flac;
using Orator.Audio.Encoding.Mp3;
using Orator.Audio.Encoding.Opus;
using Orator.Core.Audio;

namespace Orator.Audio.Encoding;

/// <summary>
/// Creates the encoder for a response format. Each native codec library is probed once, when its
/// format is first asked about: libavcodec (aac) maps ~20 MB of libraries into the process, which an
/// idle server that never encodes aac should not carry. A missing library disables only its format,
/// with a message that names the package to install.
/// </summary>
public static class AudioEncoderFactory
{
    /// <summary>The sample rate encoders receive unless a request asks for another (<c>sample_rate</c>): the API's 24 kHz mono.</summary>
    public const int OutputSampleRate = AudioFormats.DefaultSampleRate;

    private static readonly Lazy<string?> s_mp3 = new(() => Mp3Encoder.IsAvailable(out var problem) ? null : problem);
    private static readonly Lazy<string?> s_opus = new(() => OpusEncoder.IsAvailable(out var problem) ? null : problem);
    private static readonly Lazy<string?> s_aac = new(() => AacEncoder.IsAvailable(out var problem) ? null : problem);
    private static readonly Lazy<string?> s_flac = new(() => FlacEncoder.IsAvailable(out var problem) ? null : problem);

    /// <summary>Every format with its availability, in the API's order (probes every codec library).</summary>
    public static IReadOnlyList<EncoderAvailability> Availability =>
        [.. Enum.GetValues<AudioFormat>().Select(f => new EncoderAvailability(f, ProblemFor(f)))];

    /// <summary>
    /// For start-up reports: the availability of every format, probing all but aac; aac is only looked
    /// for on disk (its libraries are loaded and self-checked on the first aac request) unless it was
    /// probed already. Returns the format, its problem (null when fine) and whether it was fully probed.
    /// </summary>
    public static IReadOnlyList<(AudioFormat Format, string? Problem, bool Probed)> ReportWithoutLoadingAac() =>
    [
        .. Enum.GetValues<AudioFormat>().Select(f => f == AudioFormat.Aac && !s_aac.IsValueCreated
            ? (f, AacRuntime.LibrariesInstalled() ? null : "libavcodec.so.59 / libavutil.so.57 not found: install the Debian packages libavcodec59 libavutil57", false)
            : (f, ProblemFor(f), true)),
    ];

    /// <summary>True once <paramref name="format"/>'s codec library has been probed (and, if present, loaded) in this process.</summary>
    public static bool IsProbed(AudioFormat format) => format switch
    {
        AudioFormat.Mp3 => s_mp3.IsValueCreated,
        AudioFormat.Opus => s_opus.IsValueCreated,
        AudioFormat.Aac => s_aac.IsValueCreated,
        AudioFormat.Flac => s_flac.IsValueCreated,
        _ => true,
    };

    /// <summary>The formats that can be produced here.</summary>
    public static IReadOnlyList<AudioFormat> SupportedFormats => [.. Availability.Where(a => a.IsAvailable).Select(a => a.Format)];

    /// <summary>True when <paramref name="format"/> can be produced here.</summary>
    public static bool IsSupported(AudioFormat format) => ProblemFor(format) is null;

    /// <summary>Why <paramref name="format"/> cannot be produced, or null when it can.</summary>
    public static string? ProblemFor(AudioFormat format) => format switch
    {
        AudioFormat.Mp3 => s_mp3.Value,
        AudioFormat.Opus => s_opus.Value,
        AudioFormat.Aac => s_aac.Value,
        AudioFormat.Flac => s_flac.Value,
        AudioFormat.Wav or AudioFormat.Pcm => null,
        _ => $"No encoder for {format}.",
    };

    /// <summary>Creates an encoder; throws <see cref="NotSupportedException"/> (with the fix) when its library is missing.</summary>
    public static IAudioEncoder Create(AudioFormat format, int sampleRate) => Create(format, sampleRate, streamSerial: null);

    /// <summary>
    /// Creates an encoder whose stream identity (the Ogg serial number of Opus) is
    /// <paramref name="streamSerial"/>, so that the same audio always encodes to the same bytes.
    /// </summary>
    public static IAudioEncoder Create(AudioFormat format, int sampleRate, uint? streamSerial)
    {
        if (ProblemFor(format) is { } problem)
        {
            throw new NotSupportedException(problem);
        }

        return format switch
        {
            AudioFormat.Mp3 => new Mp3Encoder(sampleRate),
            AudioFormat.Opus => new OpusEncoder(sampleRate, serialNumber: streamSerial),
            AudioFormat.Aac => new AacEncoder(sampleRate),
            AudioFormat.Flac => new FlacEncoder(sampleRate),
            AudioFormat.Wav => new WavEncoder(sampleRate),
            AudioFormat.Pcm => new PcmEncoder(sampleRate),
            _ => throw new NotSupportedException($"No encoder for {format}."),
        };
    }
}
