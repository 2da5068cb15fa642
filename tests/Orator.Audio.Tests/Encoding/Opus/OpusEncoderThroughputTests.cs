using System.Buffers;
using System.Diagnostics;
using Orator.Audio.Encoding.Opus;
using Xunit.Abstractions;

namespace Orator.Audio.Tests.Encoding.Opus;

/// <summary>
/// Measurements behind docs/architecture/encoder-opus.md, printed rather than asserted (timings
/// vary by machine); the assertions only check that every measured stream is sound.
/// </summary>
[Collection(nameof(OpusMeasurements))]
public sealed class OpusEncoderThroughputTests(ITestOutputHelper log)
{
    private const int Rate = OpusTestAudio.SampleRate;

    [OpusWithFfmpegFact]
    public async Task Throughput_is_printed_next_to_ffmpeg_libopus_on_the_same_pcm()
    {
        (string name, short[] sample) = await SpeechSampleAsync();
        short[] source = Repeat(sample, (int)Math.Ceiling(60.0 * Rate / sample.Length));
        double seconds = (double)source.Length / Rate;
        log.WriteLine($"signal: {name}, repeated to {seconds:F1} s, encoded in 4096-sample chunks");

        string raw = Ffmpeg.TempPath(".raw");
        string ogg = Ffmpeg.TempPath(".ogg");
        try
        {
            byte[] pcm = new byte[source.Length * 2];
            Buffer.BlockCopy(source, 0, pcm, 0, pcm.Length);
            await File.WriteAllBytesAsync(raw, pcm);
            foreach (int complexity in new[] { OpusEncoderSettings.Default.Complexity, 10 })
            {
                var settings = OpusEncoderSettings.Default with { Complexity = complexity };
                using (var warmUp = new OpusEncoder(Rate, settings))
                {
                    Encode(warmUp, source.AsSpan(0, Rate));
                }

                var stopwatch = Stopwatch.StartNew();
                long bytes;
                using (var encoder = new OpusEncoder(Rate, settings))
                {
                    bytes = Encode(encoder, source);
                }

                double ours = seconds / stopwatch.Elapsed.TotalSeconds;
                Assert.True(bytes > seconds * 1000, $"{bytes} bytes for {seconds} s");

                // ffmpeg's libopus wrapper takes 24 kHz as is; the wall time includes starting the process.
                stopwatch.Restart();
                var (exitCode, _, error) = await Ffmpeg.RunAsync(
                    Ffmpeg.FfmpegPath!, "-nostdin", "-v", "error", "-y", "-f", "s16le", "-ar", "24000", "-ac", "1", "-i", raw,
                    "-c:a", "libopus", "-b:a", "32k", "-compression_level", complexity.ToString(), ogg);
                double theirs = seconds / stopwatch.Elapsed.TotalSeconds;
                Assert.True(exitCode == 0, error);

                log.WriteLine($"complexity {complexity,2}: OpusEncoder {ours,5:F0}x real time, {bytes * 8 / seconds / 1000:F1} kb/s;"
                    + $" ffmpeg -c:a libopus -b:a 32k {theirs,5:F0}x real time, {new FileInfo(ogg).Length * 8 / seconds / 1000:F1} kb/s");
            }
        }
        finally
        {
            File.Delete(raw);
            File.Delete(ogg);
        }
    }

    [OpusWithFfmpegFact]
    public async Task Settings_are_compared_by_speed_size_and_decoded_correlation()
    {
        (string name, short[] source) = await SpeechSampleAsync();
        log.WriteLine($"signal: {name}, {source.Length / (double)Rate:F2} s");
        log.WriteLine("application  rate   complexity  x-realtime  kb/s   correlation  SNR dB  lag");
        foreach (OpusApplication application in new[] { OpusApplication.Voip, OpusApplication.Audio })
        {
            foreach (bool resample in new[] { false, true })
            {
                foreach (int complexity in new[] { 0, 3, 5, 6, 7, 10 })
                {
                    var settings = new OpusEncoderSettings { Application = application, Complexity = complexity, ResampleTo48kHz = resample };
                    var (speed, kbps, correlation, lag) = await MeasureAsync(settings, source);
                    double snr = 10 * Math.Log10(correlation * correlation / Math.Max(1 - (correlation * correlation), 1e-9));
                    log.WriteLine($"{application,-11}  {(resample ? "48k" : "24k"),-5}  {complexity,10}  {speed,10:F0}  {kbps,5:F1}  {correlation,11:F4}  {snr,6:F1}  {lag,3}");
                    Assert.True(correlation > 0.5, $"{settings}: correlation {correlation:F3}");
                }
            }
        }
    }

    private async Task<(double Speed, double Kbps, double Correlation, int Lag)> MeasureAsync(OpusEncoderSettings settings, short[] source)
    {
        short[] timed = Repeat(source, Math.Max(1, (int)Math.Ceiling(30.0 * Rate / source.Length)));
        using (var warmUp = new OpusEncoder(Rate, settings))
        {
            Encode(warmUp, source);
        }

        var stopwatch = Stopwatch.StartNew();
        using (var encoder = new OpusEncoder(Rate, settings))
        {
            Encode(encoder, timed);
        }

        double speed = timed.Length / (double)Rate / stopwatch.Elapsed.TotalSeconds;

        using var once = new OpusEncoder(Rate, settings);
        var output = new ArrayBufferWriter<byte>();
        once.WriteHeader(output);
        once.Encode(source, output);
        once.Finish(output);
        string path = Ffmpeg.TempPath(".opus");
        try
        {
            await File.WriteAllBytesAsync(path, output.WrittenSpan.ToArray());
            var (decoded, error, exitCode) = await Ffmpeg.DecodeAsync(path, Rate);
            Assert.True(exitCode == 0 && error.Length == 0, error);
            var (correlation, lag) = OpusTestAudio.BestCorrelation(source, decoded, 48);
            return (speed, output.WrittenCount * 8 / (source.Length / (double)Rate) / 1000, correlation, lag);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Real synthetic speech from the espeak-ng command line when it is installed, else the test signal.</summary>
    private static async Task<(string Name, short[] Samples)> SpeechSampleAsync()
    {
        const string espeak = "/usr/bin/espeak-ng";
        if (File.Exists(espeak))
        {
            string wav = Ffmpeg.TempPath(".wav");
            try
            {
                var (exitCode, _, _) = await Ffmpeg.RunAsync(
                    espeak, "-w", wav, "The quick brown fox jumps over the lazy dog. Speech synthesis streams audio to the client while it is still being produced, so the first words arrive quickly.");
                if (exitCode == 0)
                {
                    var (samples, _, decodeExit) = await Ffmpeg.DecodeAsync(wav, Rate); // warns that it guessed the channel layout
                    if (decodeExit == 0 && samples.Length > Rate)
                    {
                        return ("espeak-ng speech", samples);
                    }
                }
            }
            finally
            {
                File.Delete(wav);
            }
        }

        return ("synthetic 150 Hz harmonic voice", OpusTestAudio.Speech(3.0));
    }

    private static long Encode(OpusEncoder encoder, ReadOnlySpan<short> source)
    {
        var output = new ArrayBufferWriter<byte>(1 << 16);
        long total = 0;
        encoder.WriteHeader(output);
        while (!source.IsEmpty)
        {
            int count = Math.Min(4096, source.Length);
            encoder.Encode(source[..count], output);
            source = source[count..];
            total += output.WrittenCount;
            output.ResetWrittenCount();
        }

        encoder.Finish(output);
        return total + output.WrittenCount;
    }

    private static short[] Repeat(short[] source, int times)
    {
        var result = new short[source.Length * times];
        for (int i = 0; i < times; i++)
        {
            source.CopyTo(result, i * source.Length);
        }

        return result;
    }
}
