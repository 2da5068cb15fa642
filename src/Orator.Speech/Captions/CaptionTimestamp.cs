using System.Globalization;

namespace Orator.Speech.Captions;

/// <summary>Cue times as SRT and WebVTT write them: <c>HH:MM:SS,mmm</c> or <c>HH:MM:SS.mmm</c>, hours always present.</summary>
internal static class CaptionTimestamp
{
    /// <summary>Longest result: 19 hour digits of a long, then <c>:MM:SS,mmm</c>.</summary>
    public const int MaxLength = 32;

    /// <summary>Writes <paramref name="seconds"/>, rounded to the millisecond (negative as 0), into <paramref name="destination"/>.</summary>
    /// <returns>The characters written.</returns>
    public static int Format(double seconds, char millisecondSeparator, Span<char> destination)
    {
        long total = Math.Max(0, (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero));
        long hours = total / 3_600_000;
        int minutes = (int)(total / 60_000 % 60);
        int wholeSeconds = (int)(total / 1000 % 60);
        int milliseconds = (int)(total % 1000);
        bool done = destination.TryWrite(
            CultureInfo.InvariantCulture,
            $"{hours:00}:{minutes:00}:{wholeSeconds:00}{millisecondSeparator}{milliseconds:000}",
            out int written);
        return done ? written : throw new ArgumentException("The destination is too short for a timestamp.", nameof(destination));
    }

    /// <summary>The timestamp as a string (for tests and logs).</summary>
    public static string ToString(double seconds, char millisecondSeparator)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Format(seconds, millisecondSeparator, buffer)]);
    }
}
