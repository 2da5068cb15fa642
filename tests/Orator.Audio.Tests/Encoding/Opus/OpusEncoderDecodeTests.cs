using Orator.Audio.Encoding.Opus;

namespace Orator.Audio.Tests.Encoding.Opus;

public sealed class OpusEncoderDecodeTests(ITestOutputHelper log)
{
    private static readonly short[] Source = Signals.HarmonicVoice(Signals.Rate, 3.0);

    [CodecFact(AudioFormat.Opus, RequiresFfmpeg = true)]
    public async Task Ffprobe_sees_one_mono_opus_stream_in_an_ogg_container()
    {
        using TempFile file = WriteStream(new OpusEncoder(Signals.Rate));

        FfmpegResult probe = await Ffmpeg.RunFfprobeAsync(
            "-v", "error", "-show_entries", "stream=codec_name,channels:format=format_name", "-of", "default=noprint_wrappers=1", file.Path);
        string report = probe.OutputText;

        Assert.True(probe.ExitCode == 0, probe.Error);
        Assert.Contains("codec_name=opus", report);
        Assert.Contains("channels=1", report);
        Assert.Contains("format_name=ogg", report);
        Assert.Equal(1, report.Split('\n').Count(line => line.StartsWith("codec_name=", StringComparison.Ordinal)));
    }

    [CodecFact(AudioFormat.Opus, RequiresFfmpeg = true)]
    public async Task Ffmpeg_decodes_it_silently_to_the_source_length_and_waveform()
    {
        using TempFile file = WriteStream(new OpusEncoder(Signals.Rate));

        var (decoded, run) = await Ffmpeg.DecodeAsync(file.Path, sampleRate: Signals.Rate);
        var (correlation, lag) = Correlation.Best(Source, decoded, 480);
        log.WriteLine($"source {Source.Length} samples, decoded {decoded.Length}; correlation {correlation:F4} at lag {lag}");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.InRange(decoded.Length, Source.Length - 480, Source.Length + 480); // within one 20 ms frame
        Assert.True(correlation >= 0.85, $"normalised correlation {correlation:F4} (lag {lag}) is below 0.85");
    }

    [CodecFact(AudioFormat.Opus, RequiresFfmpeg = true)]
    public async Task Resampled_input_decodes_silently_to_its_length_and_waveform()
    {
        short[] source = Signals.HarmonicVoice(22050, 2.0);
        using TempFile file = WriteStream(new OpusEncoder(22050), source);

        var (decoded, run) = await Ffmpeg.DecodeAsync(file.Path, sampleRate: 22050);
        var (correlation, lag) = Correlation.Best(source, decoded, 441);
        log.WriteLine($"source {source.Length} samples, decoded {decoded.Length}; correlation {correlation:F4} at lag {lag}");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.InRange(decoded.Length, source.Length - 441, source.Length + 441);
        Assert.True(correlation >= 0.85, $"normalised correlation {correlation:F4} (lag {lag}) is below 0.85");
    }

    [CodecFact(AudioFormat.Opus, RequiresFfmpeg = true)]
    public async Task An_empty_stream_decodes_silently_to_nothing()
    {
        using var encoder = new OpusEncoder(Signals.Rate);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        encoder.Finish(output);
        using var file = new TempFile(output.WrittenSpan.ToArray(), ".opus");

        var (decoded, run) = await Ffmpeg.DecodeAsync(file.Path, sampleRate: Signals.Rate);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(decoded);

        // ffmpeg's only remark is about its own output having no samples, not about the input.
        Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("Output file is empty", line));
    }

    private static TempFile WriteStream(OpusEncoder encoder, short[]? source = null)
    {
        using (encoder)
        {
            return new TempFile(EncoderHarness.EncodeAll(encoder, source ?? Source, EncoderHarness.VaryingChunks), ".opus");
        }
    }
}
