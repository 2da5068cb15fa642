using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Orator.Audio.Encoding;
using Orator.Core.Audio;
using Orator.Server.Hosting;

namespace Orator.Bench;

/// <summary>One format's figures: Orator's in-process encoder vs the ffmpeg CLI on the same PCM.</summary>
public sealed record EncoderResult(string Format, double AudioSeconds, double OratorSeconds, double FfmpegSeconds, long OratorBytes, double AllocatedBytesPerAudioSecond)
{
    public double SpeedVsFfmpeg => FfmpegSeconds / OratorSeconds;
}

/// <summary>
/// Issue 3's target: for every format, Orator encodes at least as fast as ffmpeg encoding the same
/// PCM to the same format and bitrate, measured in the same run; allocation per encoded second.
/// </summary>
public static class EncoderBenchmark
{
    private static readonly (AudioFormat Format, string[] FfmpegArgs)[] Formats =
    [
        (AudioFormat.Mp3, ["-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3"]),
        (AudioFormat.Opus, ["-c:a", "libopus", "-b:a", "32k", "-compression_level", "5", "-f", "ogg"]),
        (AudioFormat.Aac, ["-c:a", "aac", "-b:a", "64k", "-f", "adts"]),
        (AudioFormat.Flac, ["-c:a", "flac", "-f", "flac"]),
        (AudioFormat.Wav, ["-c:a", "pcm_s16le", "-f", "wav"]),
        (AudioFormat.Pcm, ["-c:a", "pcm_s16le", "-f", "s16le"]),
    ];

    public static async Task<IReadOnlyList<EncoderResult>> RunAsync(int runs, int characters = 4000)
    {
        var pcm = await RenderSpeechAsync(characters);
        var rawFile = Path.Combine(Path.GetTempPath(), "orator-bench-speech.raw");
        await File.WriteAllBytesAsync(rawFile, System.Runtime.InteropServices.MemoryMarshal.AsBytes(pcm.AsSpan()).ToArray());
        var audioSeconds = pcm.Length / (double)AudioEncoderFactory.OutputSampleRate;

        var results = new List<EncoderResult>();
        foreach (var (format, ffmpegArgs) in Formats)
        {
            if (!AudioEncoderFactory.IsSupported(format))
            {
                Console.WriteLine($"{format}: not available here ({AudioEncoderFactory.ProblemFor(format)}); skipped");
                continue;
            }

            EncodeOnce(format, pcm); // warm-up: JIT, library loading
            var orator = new List<double>();
            var ffmpeg = new List<double>();
            long bytes = 0;
            long allocated = 0;
            for (var run = 0; run < runs; run++)
            {
                var (seconds, size, alloc) = EncodeOnce(format, pcm);
                orator.Add(seconds);
                bytes = size;
                allocated = alloc;
                ffmpeg.Add(await RunFfmpegAsync(rawFile, ffmpegArgs));
            }

            results.Add(new EncoderResult(format.ToString().ToLowerInvariant(), audioSeconds, Stats.Median(orator), Stats.Median(ffmpeg), bytes, allocated / audioSeconds));
        }

        return results;
    }

    public static IEnumerable<string> Report(IReadOnlyList<EncoderResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        yield return "format  audio s  orator s  ffmpeg s  speed vs ffmpeg (target >= 1.0)  alloc B per audio s  output bytes";
        foreach (var r in results)
        {
            yield return string.Create(c, $"{r.Format,-6} {r.AudioSeconds,8:F1} {r.OratorSeconds,9:F3} {r.FfmpegSeconds,9:F3}  {r.SpeedVsFfmpeg,6:F2}x {(r.SpeedVsFfmpeg >= 1.0 ? "PASS" : "FAIL"),-20} {r.AllocatedBytesPerAudioSecond,12:F1}  {r.OratorBytes,12}");
        }
    }

    private static (double Seconds, long Bytes, long Allocated) EncodeOnce(AudioFormat format, short[] pcm)
    {
        var sink = new CountingBufferWriter();
        var clock = Stopwatch.StartNew();
        using var encoder = AudioEncoderFactory.Create(format, AudioEncoderFactory.OutputSampleRate);
        encoder.WriteHeader(sink);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        // The server's pipeline hands encoders blocks of at most 4,096 samples.
        for (var offset = 0; offset < pcm.Length; offset += 4096)
        {
            encoder.Encode(pcm.AsSpan(offset, Math.Min(4096, pcm.Length - offset)), sink);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        encoder.Finish(sink);
        return (clock.Elapsed.TotalSeconds, sink.Written, allocated);
    }

    private static async Task<double> RunFfmpegAsync(string rawFile, string[] codecArgs)
    {
        var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in (string[])["-v", "error", "-nostdin", "-f", "s16le", "-ar", "24000", "-ac", "1", "-i", rawFile, .. codecArgs, "-y", "/dev/null"])
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg not found");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed: {errors}");
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Real speech from the server: 4,000 characters with the default voice, as pcm.</summary>
    private static async Task<short[]> RenderSpeechAsync(int characters)
    {
        await using var server = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Orator:Workers=1", "--Logging:LogLevel:Default=Warning"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.Urls[0].TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        using var response = await http.PostAsJsonAsync("v1/audio/speech", new { model = "tts-1", voice = "alloy", input = BenchText.Create(characters), response_format = "pcm" });
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    /// <summary>Discards output but counts it; hands out one reusable buffer so it never allocates.</summary>
    private sealed class CountingBufferWriter : IBufferWriter<byte>
    {
        private byte[] _buffer = new byte[1 << 20];

        public long Written { get; private set; }

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).Span;

        private Memory<byte> Ensure(int sizeHint)
        {
            if (sizeHint > _buffer.Length)
            {
                _buffer = new byte[sizeHint];
            }

            return _buffer;
        }
    }
}
