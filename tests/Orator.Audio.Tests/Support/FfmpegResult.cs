namespace Orator.Audio.Tests.Support;

/// <summary>What one run of ffmpeg or ffprobe left behind.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Standard output, as bytes (decoded PCM or a report).</param>
/// <param name="Error">Standard error: ffmpeg's warnings and errors.</param>
/// <param name="Elapsed">Wall-clock time, process start included.</param>
internal sealed record FfmpegResult(int ExitCode, byte[] Output, string Error, TimeSpan Elapsed)
{
    /// <summary>Standard output read as UTF-8 text.</summary>
    public string OutputText => System.Text.Encoding.UTF8.GetString(Output);

    /// <summary>Standard error without the lines carrying <see cref="Ffmpeg.DurationEstimateNotice"/>.</summary>
    public string ErrorWithoutDurationEstimateNotice =>
        string.Join('\n', Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.Contains(Ffmpeg.DurationEstimateNotice)));

    /// <summary>Standard output as 16-bit little-endian samples.</summary>
    public short[] Samples()
    {
        var samples = new short[Output.Length / 2];
        Buffer.BlockCopy(Output, 0, samples, 0, samples.Length * 2);
        return samples;
    }
}
