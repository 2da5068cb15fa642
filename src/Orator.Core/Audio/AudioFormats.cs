namespace Orator.Core.Audio;

/// <summary>
/// The one table of response formats: the wire name a request uses (<c>response_format</c>), the
/// HTTP media type of the bytes, and the file extension they are saved under. Parsers, encoders,
/// metric labels, error messages and the CLI all read it, so a format is spelled in one place.
/// </summary>
public static class AudioFormats
{
    /// <summary>One row of the table.</summary>
    /// <param name="Format">The format.</param>
    /// <param name="Name">The wire name (<c>mp3</c>).</param>
    /// <param name="ContentType">The media type of the bytes (<c>audio/mpeg</c>).</param>
    /// <param name="Extension">The file extension, without the dot.</param>
    /// <param name="SampleRates">
    /// The output rates a request may ask for (<c>sample_rate</c>); empty when the format is
    /// always <see cref="DefaultSampleRate"/>.
    /// </param>
    public sealed record Entry(AudioFormat Format, string Name, string ContentType, string Extension, IReadOnlyList<int> SampleRates);

    /// <summary>The output rate when a request names none: the API's 24 kHz.</summary>
    public const int DefaultSampleRate = 24000;

    // Rates players and telephony expect for raw and lossless audio; Opus's are the ones libopus
    // encodes natively, so nothing is resampled twice.
    private static readonly int[] LinearRates = [8000, 16000, 22050, 24000, 44100, 48000];
    private static readonly int[] OpusRates = [8000, 12000, 16000, 24000, 48000];

    /// <summary>Every format, in the API's order.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        new(AudioFormat.Mp3, "mp3", "audio/mpeg", "mp3", []),
        new(AudioFormat.Opus, "opus", "audio/opus", "opus", OpusRates),
        new(AudioFormat.Aac, "aac", "audio/aac", "aac", []),
        new(AudioFormat.Flac, "flac", "audio/flac", "flac", LinearRates),
        new(AudioFormat.Wav, "wav", "audio/wav", "wav", LinearRates),
        new(AudioFormat.Pcm, "pcm", "audio/pcm", "pcm", LinearRates),
    ];

    /// <summary>The row of <paramref name="format"/>.</summary>
    public static Entry Of(AudioFormat format) => All[(int)format];

    /// <summary>The wire name of <paramref name="format"/>.</summary>
    public static string NameOf(AudioFormat format) => Of(format).Name;

    /// <summary>True when a request may ask for <paramref name="sampleRate"/> in <paramref name="format"/>.</summary>
    public static bool AllowsSampleRate(AudioFormat format, int sampleRate) => Of(format).SampleRates.Contains(sampleRate);

    /// <summary>The media type of <paramref name="format"/>.</summary>
    public static string ContentTypeOf(AudioFormat format) => Of(format).ContentType;

    /// <summary>The format whose wire name is <paramref name="name"/> (exact, lower case as the API spells it).</summary>
    public static bool TryParse(string? name, out AudioFormat format)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                format = entry.Format;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>
    /// The format a file name asks for by its extension (<c>talk.mp3</c>; <c>.ogg</c> is opus and
    /// <c>.raw</c> pcm), or null when the extension names no format.
    /// </summary>
    public static AudioFormat? FromFileName(string path)
    {
        var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return extension switch
        {
            "ogg" => AudioFormat.Opus,
            "raw" => AudioFormat.Pcm,
            _ => All.FirstOrDefault(e => e.Extension == extension)?.Format,
        };
    }
}
