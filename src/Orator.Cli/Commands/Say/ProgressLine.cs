using System.Globalization;

namespace Orator.Cli.Commands.Say;

/// <summary>The text of one progress report: <c>41% 412,345/1,000,000 characters, 7:12:03 of audio, 1:23 elapsed, ETA 2:01</c>.</summary>
internal static class ProgressLine
{
    /// <summary>No estimate before this much of the render has run (the first sentences are not typical).</summary>
    public static readonly TimeSpan EtaAfter = TimeSpan.FromSeconds(3);

    /// <summary>Whole percent of <paramref name="total"/> done (0..100).</summary>
    public static int Percent(long done, long total) => total <= 0 ? 100 : (int)Math.Clamp(done * 100 / total, 0, 100);

    /// <summary>The report for <paramref name="snapshot"/> of <paramref name="total"/> characters after <paramref name="elapsed"/>.</summary>
    public static string Format(ProgressSnapshot snapshot, long total, TimeSpan elapsed)
    {
        var done = Math.Clamp(snapshot.Characters, 0, Math.Max(total, 0));
        var eta = done > 0 && elapsed >= EtaAfter
            ? Clock(TimeSpan.FromSeconds(elapsed.TotalSeconds * (total - done) / done))
            : "--:--";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Percent(done, total)}% {done:N0}/{total:N0} characters, {Clock(TimeSpan.FromSeconds(snapshot.AudioSeconds))} of audio, {Clock(elapsed)} elapsed, ETA {eta}");
    }

    /// <summary><c>m:ss</c>, or <c>h:mm:ss</c> from an hour.</summary>
    public static string Clock(TimeSpan time)
    {
        var seconds = (long)Math.Max(0, time.TotalSeconds);
        return seconds >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:D2}:{seconds % 60:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:D2}");
    }
}
