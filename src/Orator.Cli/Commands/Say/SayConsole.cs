using System.Globalization;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// What <c>orator say</c> tells the user: errors on standard error, and the success line on
/// standard output, or on standard error when standard output carries the audio.
/// </summary>
internal sealed class SayConsole(TextWriter output, TextWriter error)
{
    /// <summary>Standard error (notes, errors, progress).</summary>
    public TextWriter Error => error;

    /// <summary>Prints <c>orator say: message</c> on standard error and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string message)
    {
        Note(message);
        return exitCode;
    }

    /// <summary>Prints <c>orator say: message</c> on standard error.</summary>
    public void Note(string message) => error.WriteLine("orator say: " + message);

    /// <summary>Reports the written audio (seconds are 0 when unknown) and returns <see cref="SayExit.Written"/>.</summary>
    public int Wrote(SayDestination destination, long bytes, double audioSeconds)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return WroteFile(destination.Path, bytes, audioSeconds);
    }

    /// <summary>Reports the chapter files and their playlist and returns <see cref="SayExit.Written"/>.</summary>
    public int WrotePlaylist(string playlist, IReadOnlyList<WrittenPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var part in parts)
        {
            WroteFile(part.Path, part.Bytes, part.Seconds);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {playlist} ({parts.Count} chapters, {parts.Sum(p => p.Seconds):F2} s of audio)"));
        return SayExit.Written;
    }

    /// <summary>The <c>Wrote</c> line of a captions file: on standard error when standard output carries the audio (<paramref name="audioPath"/> <c>-</c>).</summary>
    public void WroteCaptions(string path, int words, string audioPath) =>
        (audioPath == SayText.Dash ? error : output).WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {path} ({words} timed words)"));

    /// <summary>
    /// One <c>Wrote</c> line and <see cref="SayExit.Written"/>: on standard output for a file, on
    /// standard error for standard output (<paramref name="path"/> <c>-</c>).
    /// </summary>
    public int WroteFile(string path, long bytes, double audioSeconds)
    {
        var seconds = audioSeconds > 0 ? string.Create(CultureInfo.InvariantCulture, $", {audioSeconds:F2} s of audio") : "";
        if (path == SayText.Dash)
        {
            error.WriteLine($"Wrote standard output{(seconds.Length > 0 ? $" ({seconds[2..]})" : "")}");
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {path} ({bytes} bytes{seconds})"));
        }

        return SayExit.Written;
    }
}
