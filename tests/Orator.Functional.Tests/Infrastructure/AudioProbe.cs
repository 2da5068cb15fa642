using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>What ffprobe says about a file, plus the samples ffmpeg decodes from it.</summary>
public sealed record ProbedAudio(string Codec, string Container, int SampleRate, int Channels, double DurationSeconds, short[] Samples, string DecoderErrors)
{
    /// <summary>Duration computed from the decoded samples (independent of container headers).</summary>
    public double DecodedSeconds => Samples.Length / (double)SampleRate;

    /// <summary>Root-mean-square level of the decoded audio, 0..1.</summary>
    public double Rms => Signal.Rms(Samples);
}

/// <summary>Runs the real ffprobe and ffmpeg on audio bytes.</summary>
public static class AudioProbe
{
    /// <summary>Probes and decodes <paramref name="audio"/>. For raw pcm pass <paramref name="rawPcm"/>.</summary>
    public static async Task<ProbedAudio> ProbeAsync(byte[] audio, bool rawPcm = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"orator-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, audio);
        try
        {
            string[] input = rawPcm ? ["-f", "s16le", "-ar", "24000", "-ch_layout", "mono", "-i", path] : ["-i", path];
            var (probeOut, probeErr, probeCode) = await RunAsync("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", .. input]);
            Assert.True(probeCode == 0, $"ffprobe failed: {probeErr}");
            using var json = JsonDocument.Parse(probeOut);
            var stream = json.RootElement.GetProperty("streams")[0];
            var format = json.RootElement.GetProperty("format");
            var duration = stream.TryGetProperty("duration", out var d) && d.GetString() is { } ds
                ? double.Parse(ds, CultureInfo.InvariantCulture)
                : format.TryGetProperty("duration", out var fd) && fd.GetString() is { } fds ? double.Parse(fds, CultureInfo.InvariantCulture) : double.NaN;

            var (pcm, decodeErr, decodeCode) = await RunBinaryAsync("ffmpeg", ["-v", "warning", "-nostdin", .. input, "-f", "s16le", "-acodec", "pcm_s16le", "-"]);
            Assert.True(decodeCode == 0, $"ffmpeg failed to decode: {decodeErr}");
            decodeErr = WithoutKnownNotices(decodeErr, IsStreamingWav(audio));
            var samples = new short[pcm.Length / 2];
            Buffer.BlockCopy(pcm, 0, samples, 0, samples.Length * 2);
            return new ProbedAudio(
                stream.GetProperty("codec_name").GetString()!,
                format.GetProperty("format_name").GetString()!,
                int.Parse(stream.GetProperty("sample_rate").GetString()!, CultureInfo.InvariantCulture),
                stream.GetProperty("channels").GetInt32(),
                duration,
                samples,
                decodeErr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// What ffprobe says about the file at <paramref name="path"/> (no decoding: for files too large
    /// to hold), and the samples of its first and last <paramref name="edgeSeconds"/> as ffmpeg decodes them.
    /// </summary>
    public static async Task<(ProbedAudio Head, short[] Tail)> ProbeFileAsync(string path, double edgeSeconds)
    {
        var (probeOut, probeErr, probeCode) = await RunAsync("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", path]);
        Assert.True(probeCode == 0, $"ffprobe failed: {probeErr}");
        using var json = JsonDocument.Parse(probeOut);
        var stream = json.RootElement.GetProperty("streams")[0];
        var format = json.RootElement.GetProperty("format");
        var duration = double.Parse(format.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        var seconds = edgeSeconds.ToString(CultureInfo.InvariantCulture);
        var (head, headErr, headCode) = await RunBinaryAsync("ffmpeg", ["-v", "error", "-nostdin", "-t", seconds, "-i", path, "-f", "s16le", "-acodec", "pcm_s16le", "-"]);
        var (tail, tailErr, tailCode) = await RunBinaryAsync("ffmpeg", ["-v", "error", "-nostdin", "-sseof", "-" + seconds, "-i", path, "-f", "s16le", "-acodec", "pcm_s16le", "-"]);
        Assert.True(headCode == 0 && tailCode == 0, $"ffmpeg failed to decode: {headErr} {tailErr}");
        var probed = new ProbedAudio(
            stream.GetProperty("codec_name").GetString()!,
            format.GetProperty("format_name").GetString()!,
            int.Parse(stream.GetProperty("sample_rate").GetString()!, CultureInfo.InvariantCulture),
            stream.GetProperty("channels").GetInt32(),
            duration,
            ToSamples(head),
            headErr + tailErr);
        return (probed, ToSamples(tail));
    }

    private static short[] ToSamples(byte[] pcm)
    {
        var samples = new short[pcm.Length / 2];
        Buffer.BlockCopy(pcm, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    /// <summary>Decodes any container ffmpeg knows to mono s16 at <paramref name="sampleRate"/>, failing on any decoder message.</summary>
    public static async Task<short[]> DecodeAsync(byte[] audio, int sampleRate)
    {
        var path = Path.Combine(Path.GetTempPath(), $"orator-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, audio);
        try
        {
            var (pcm, err, code) = await RunBinaryAsync("ffmpeg", ["-v", "warning", "-nostdin", "-i", path, "-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1", "-ar", sampleRate.ToString(CultureInfo.InvariantCulture), "-"]);
            err = WithoutKnownNotices(err, IsStreamingWav(audio));
            Assert.True(code == 0 && err.Length == 0, $"ffmpeg decode: exit {code}: {err}");
            var samples = new short[pcm.Length / 2];
            Buffer.BlockCopy(pcm, 0, samples, 0, samples.Length * 2);
            return samples;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Drops the notices ffmpeg prints for streams that cannot know their own length, which a
    /// streamed response cannot: raw ADTS and tag-less MP3 ("estimating duration from bitrate"),
    /// and WAV with the streaming size 0xFFFFFFFF, where ffmpeg reads its own piped WAV output with
    /// the very same lines (maximum data size ignored, the short last packet called corrupt, the
    /// mono layout guessed from a plain PCM header). Any other line still fails the test.
    /// </summary>
    private static string WithoutKnownNotices(string stderr, bool streamingWav)
    {
        string[] known = streamingWav
            ? ["Estimating duration from bitrate, this may be inaccurate", "Ignoring maximum wav data size, file may be invalid", "Packet corrupt (stream = 0, dts = NOPTS)", "corrupt input packet in stream 0", "Guessed Channel Layout for Input Stream #0.0 : mono"]
            : ["Estimating duration from bitrate, this may be inaccurate"];
        return string.Join('\n', stderr
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !known.Any(k => line.Contains(k, StringComparison.Ordinal))));
    }

    /// <summary>A RIFF header whose size says "unknown": Orator's (and ffmpeg's) streamed WAV.</summary>
    private static bool IsStreamingWav(byte[] audio) =>
        audio.Length >= 8 && audio.AsSpan(0, 4).SequenceEqual("RIFF"u8) && BitConverter.ToUInt32(audio, 4) == uint.MaxValue;

    private static async Task<(string Out, string Err, int Code)> RunAsync(string file, string[] args)
    {
        var (bytes, err, code) = await RunBinaryAsync(file, args);
        return (System.Text.Encoding.UTF8.GetString(bytes), err, code);
    }

    private static async Task<(byte[] Out, string Err, int Code)> RunBinaryAsync(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var err = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(copy, err, process.WaitForExitAsync());
        return (output.ToArray(), await err, process.ExitCode);
    }
}
