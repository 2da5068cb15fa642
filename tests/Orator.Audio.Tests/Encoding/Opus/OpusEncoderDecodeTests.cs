using Orator.Audio.Encoding.Opus;
using Xunit.Abstractions;

namespace Orator.Audio.Tests.Encoding.Opus;

public sealed class OpusEncoderDecodeTests(ITestOutputHelper log)
{
    private static readonly short[] Source = OpusTestAudio.Speech(3.0);

    [OpusWithFfmpegFact]
    public async Task Ffprobe_sees_one_mono_opus_stream_in_an_ogg_container()
    {
        string path = await WriteStreamAsync(new OpusEncoder(OpusTestAudio.SampleRate));
        try
        {
            var (exitCode, output, error) = await Ffmpeg.RunAsync(
                Ffmpeg.FfprobePath!, "-v", "error", "-show_entries", "stream=codec_name,channels:format=format_name", "-of", "default=noprint_wrappers=1", path);
            string report = System.Text.Encoding.UTF8.GetString(output);

            Assert.True(exitCode == 0, error);
            Assert.Contains("codec_name=opus", report);
            Assert.Contains("channels=1", report);
            Assert.Contains("format_name=ogg", report);
            Assert.Equal(1, report.Split('\n').Count(line => line.StartsWith("codec_name=", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [OpusWithFfmpegFact]
    public async Task Ffmpeg_decodes_it_silently_to_the_source_length_and_waveform()
    {
        string path = await WriteStreamAsync(new OpusEncoder(OpusTestAudio.SampleRate));
        try
        {
            var (decoded, error, exitCode) = await Ffmpeg.DecodeAsync(path, OpusTestAudio.SampleRate);
            var (correlation, lag) = OpusTestAudio.BestCorrelation(Source, decoded, 480);
            log.WriteLine($"source {Source.Length} samples, decoded {decoded.Length}; correlation {correlation:F4} at lag {lag}");

            Assert.Equal(0, exitCode);
            Assert.Equal(string.Empty, error);
            Assert.InRange(decoded.Length, Source.Length - 480, Source.Length + 480); // within one 20 ms frame
            Assert.True(correlation >= 0.85, $"normalised correlation {correlation:F4} (lag {lag}) is below 0.85");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [OpusWithFfmpegFact]
    public async Task Resampled_input_decodes_silently_to_its_length_and_waveform()
    {
        short[] source = OpusTestAudio.Speech(2.0, sampleRate: 22050);
        string path = await WriteStreamAsync(new OpusEncoder(22050), source);
        try
        {
            var (decoded, error, exitCode) = await Ffmpeg.DecodeAsync(path, 22050);
            var (correlation, lag) = OpusTestAudio.BestCorrelation(source, decoded, 441);
            log.WriteLine($"source {source.Length} samples, decoded {decoded.Length}; correlation {correlation:F4} at lag {lag}");

            Assert.Equal(0, exitCode);
            Assert.Equal(string.Empty, error);
            Assert.InRange(decoded.Length, source.Length - 441, source.Length + 441);
            Assert.True(correlation >= 0.85, $"normalised correlation {correlation:F4} (lag {lag}) is below 0.85");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [OpusWithFfmpegFact]
    public async Task An_empty_stream_decodes_silently_to_nothing()
    {
        using var encoder = new OpusEncoder(OpusTestAudio.SampleRate);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        encoder.WriteHeader(output);
        encoder.Finish(output);
        string path = Ffmpeg.TempPath(".opus");
        await File.WriteAllBytesAsync(path, output.WrittenSpan.ToArray());
        try
        {
            var (decoded, error, exitCode) = await Ffmpeg.DecodeAsync(path, OpusTestAudio.SampleRate);

            Assert.Equal(0, exitCode);
            Assert.Empty(decoded);

            // ffmpeg's only remark is about its own output having no samples, not about the input.
            Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("Output file is empty", line));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> WriteStreamAsync(OpusEncoder encoder, short[]? source = null)
    {
        using (encoder)
        {
            string path = Ffmpeg.TempPath(".opus");
            await File.WriteAllBytesAsync(path, OpusTestAudio.EncodeInChunks(encoder, source ?? Source));
            return path;
        }
    }
}
