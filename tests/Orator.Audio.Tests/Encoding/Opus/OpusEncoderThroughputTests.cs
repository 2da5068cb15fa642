using System.Buffers;
using System.Diagnostics;
using Orator.Audio.Encoding.Opus;

namespace Orator.Audio.Tests.Encoding.Opus;

/// <summary>
/// Measurements behind docs/architecture/encoder-opus.md, printed rather than asserted (timings
/// vary by machine); the assertions only check that every measured stream is sound.
/// </summary>
[Collection(EncoderMeasurementCollection.Name)]
public sealed class OpusEncoderThroughputTests(ITestOutputHelper log)
{
    [CodecFact(AudioFormat.Opus, RequiresFfmpeg = true)]
    public async Task Throughput_is_printed_next_to_ffmpeg_libopus_on_the_same_pcm()
    {
        (string name, short[] sample) = await SpeechSampleAsync();
        short[] source = Repeat(sample, (int)Math.Ceiling(60.0 * Signals.Rate / sample.Length));
        double seconds = (double)source.Length / Signals.Rate;
        log.WriteLine($"signal: {name}, repeated to {seconds:F1} s, encoded in 4096-sample chunks");

        byte[] pcm = new byte[source.Length * 2];
        Buffer.BlockCopy(source, 0, pcm, 0, pcm.Length);
        using var raw = new TempFile(pcm, ".raw");
        using var ogg = new TempFile(".ogg");
        foreach (int complexity in new[] { OpusEncoderSettings.Default.Complexity, 10 })
        {
            var settings = OpusEncoderSettings.Default with { Complexity = complexity };
            using (var warmUp = new OpusEncoder(Signals.Rate, settings))
            {
                Encode(warmUp, source.AsSpan(0, Signals.Rate));
            }

            var stopwatch = Stopwatch.StartNew();
            long bytes;
            using (var encoder = new OpusEncoder(Signals.Rate, settings))
            {
                bytes = Encode(encoder, source);
            }

            double ours = seconds / stopwatch.Elapsed.TotalSeconds;
            Assert.True(bytes > seconds * 1000, $"{bytes} bytes for {seconds} s");

            // ffmpeg's libopus wrapper takes 24 kHz as is; the wall time includes starting the process.
            stopwatch.Restart();
            FfmpegResult run = await Ffmpeg.RunFfmpegAsync(
                "-nostdin", "-v", "error", "-y", "-f", "s16le", "-ar", "24000", "-ac", "1", "-i", raw.Path,
                "-c:a", "libopus", "-b:a", "32k", "-compression_level", complexity.ToString(), ogg.Path);
            double theirs = seconds / stopwatch.Elapsed.TotalSeconds;
            Assert.True(run.ExitCode == 0, run.Error);

            log.WriteLine($"complexity {complexity,2}: OpusEncoder {ours,5:F0}x real time, {bytes * 8 / seconds / 1000:F1} kb/s;"
                + $" ffmpeg -c:a libopus -b:a 32k {theirs,5:F0}x real time, {new FileInfo(ogg.Path).Length * 8 / seconds / 1000:F1} kb/s");
        }
    }

    [CodecFact(AudioFormat.Opus, RequiresFfmpeg = true)]
    public async Task Settings_are_compared_by_speed_size_and_decoded_correlation()
    {
        (string name, short[] source) = await SpeechSampleAsync();
        log.WriteLine($"signal: {name}, {source.Length / (double)Signals.Rate:F2} s");
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
        short[] timed = Repeat(source, Math.Max(1, (int)Math.Ceiling(30.0 * Signals.Rate / source.Length)));
        using (var warmUp = new OpusEncoder(Signals.Rate, settings))
        {
            Encode(warmUp, source);
        }

        var stopwatch = Stopwatch.StartNew();
        using (var encoder = new OpusEncoder(Signals.Rate, settings))
        {
            Encode(encoder, timed);
        }

        double speed = timed.Length / (double)Signals.Rate / stopwatch.Elapsed.TotalSeconds;

        using var once = new OpusEncoder(Signals.Rate, settings);
        var output = new ArrayBufferWriter<byte>();
        once.WriteHeader(output);
        once.Encode(source, output);
        once.Finish(output);
        using var file = new TempFile(output.WrittenSpan.ToArray(), ".opus");
        var (decoded, run) = await Ffmpeg.DecodeAsync(file.Path, sampleRate: Signals.Rate);
        Assert.True(run.ExitCode == 0 && run.Error.Length == 0, run.Error);
        var (correlation, lag) = Correlation.Best(source, decoded, 48);
        return (speed, output.WrittenCount * 8 / (source.Length / (double)Signals.Rate) / 1000, correlation, lag);
    }

    /// <summary>Real synthetic speech from the espeak-ng command line when it is installed, else the test signal.</summary>
    private static async Task<(string Name, short[] Samples)> SpeechSampleAsync()
    {
        const string espeak = "/usr/bin/espeak-ng";
        if (File.Exists(espeak))
        {
            using var wav = new TempFile(".wav");
            FfmpegResult speak = await Ffmpeg.RunAsync(
                espeak, ["-w", wav.Path, "The quick brown fox jumps over the lazy dog. Speech synthesis streams audio to the client while it is still being produced, so the first words arrive quickly."]);
            if (speak.ExitCode == 0)
            {
                var (samples, decode) = await Ffmpeg.DecodeAsync(wav.Path, sampleRate: Signals.Rate); // warns that it guessed the channel layout
                if (decode.ExitCode == 0 && samples.Length > Signals.Rate)
                {
                    return ("espeak-ng speech", samples);
                }
            }
        }

        return ("synthetic 150 Hz harmonic voice", Signals.HarmonicVoice(Signals.Rate, 3.0));
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
