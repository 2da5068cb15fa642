using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orator.Functional.Tests.Captions;

/// <summary>One cue as a captions file gives it: seconds and its lines.</summary>
public sealed record Cue(double Start, double End, IReadOnlyList<string> Lines)
{
    /// <summary>The lines as one text, joined the way captions JSON joins them.</summary>
    public string Text => string.Join('\n', Lines);
}

/// <summary>
/// Reads SubRip, WebVTT and Orator's captions JSON strictly (the numbering, the timestamp shapes,
/// the blank line after each cue, no trailing junk), so that a test fails on any malformed file.
/// </summary>
public static partial class CaptionFile
{
    /// <summary>Parses SubRip: <c>N\nHH:MM:SS,mmm --> HH:MM:SS,mmm\nline\n[line\n]\n</c> per cue, numbered from 1.</summary>
    public static IReadOnlyList<Cue> ParseSrt(string text)
    {
        Assert.DoesNotContain('\r', text);
        var cues = new List<Cue>();
        if (text.Length == 0)
        {
            return cues;
        }

        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        foreach (var block in text[..^2].Split("\n\n"))
        {
            var lines = block.Split('\n');
            Assert.True(lines.Length >= 3, $"an SRT cue needs a number, a time line and text: '{block}'");
            Assert.Equal((cues.Count + 1).ToString(CultureInfo.InvariantCulture), lines[0]);
            var (start, end) = Times(SrtTimes(), lines[1]);
            cues.Add(new Cue(start, end, lines[2..]));
        }

        return cues;
    }

    /// <summary>Parses WebVTT: the <c>WEBVTT</c> header line and a blank line, then <c>HH:MM:SS.mmm --> HH:MM:SS.mmm\nlines\n\n</c> per cue.</summary>
    public static IReadOnlyList<Cue> ParseVtt(string text)
    {
        Assert.DoesNotContain('\r', text);
        Assert.StartsWith("WEBVTT\n\n", text, StringComparison.Ordinal);
        var cues = new List<Cue>();
        var body = text["WEBVTT\n\n".Length..];
        if (body.Length == 0)
        {
            return cues;
        }

        Assert.EndsWith("\n\n", body, StringComparison.Ordinal);
        foreach (var block in body[..^2].Split("\n\n"))
        {
            var lines = block.Split('\n');
            Assert.True(lines.Length >= 2, $"a WebVTT cue needs a time line and text: '{block}'");
            var (start, end) = Times(VttTimes(), lines[0]);
            Assert.All(lines[1..], line => Assert.DoesNotContain("-->", line, StringComparison.Ordinal));
            // The writer escapes these three; nothing else in a cue is markup.
            cues.Add(new Cue(start, end, [.. lines[1..].Select(l => l.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal))]));
        }

        return cues;
    }

    /// <summary>Parses captions JSON: <c>{"words":[...],"cues":[{"start","end","text"}]}</c> and nothing else.</summary>
    public static (IReadOnlyList<TimedWord> Words, IReadOnlyList<Cue> Cues) ParseJson(string text)
    {
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(["words", "cues"], root.EnumerateObject().Select(p => p.Name));
        var words = TimedWord.ReadAll(root.GetProperty("words"));
        var cues = root.GetProperty("cues").EnumerateArray().Select(cue =>
        {
            Assert.Equal(["start", "end", "text"], cue.EnumerateObject().Select(p => p.Name));
            return new Cue(cue.GetProperty("start").GetDouble(), cue.GetProperty("end").GetDouble(), cue.GetProperty("text").GetString()!.Split('\n'));
        }).ToList();
        return (words, cues);
    }

    private static (double Start, double End) Times(Regex pattern, string line)
    {
        var match = pattern.Match(line);
        Assert.True(match.Success, $"not a cue time line: '{line}'");
        return (Seconds(match, "s"), Seconds(match, "e"));
    }

    private static double Seconds(Match match, string prefix) =>
        (int.Parse(match.Groups[prefix + "h"].Value, CultureInfo.InvariantCulture) * 3600)
        + (int.Parse(match.Groups[prefix + "m"].Value, CultureInfo.InvariantCulture) * 60)
        + int.Parse(match.Groups[prefix + "s"].Value, CultureInfo.InvariantCulture)
        + (int.Parse(match.Groups[prefix + "f"].Value, CultureInfo.InvariantCulture) / 1000.0);

    [GeneratedRegex(@"^(?<sh>\d{2,}):(?<sm>[0-5]\d):(?<ss>[0-5]\d),(?<sf>\d{3}) --> (?<eh>\d{2,}):(?<em>[0-5]\d):(?<es>[0-5]\d),(?<ef>\d{3})$")]
    private static partial Regex SrtTimes();

    [GeneratedRegex(@"^(?<sh>\d{2,}):(?<sm>[0-5]\d):(?<ss>[0-5]\d)\.(?<sf>\d{3}) --> (?<eh>\d{2,}):(?<em>[0-5]\d):(?<es>[0-5]\d)\.(?<ef>\d{3})$")]
    private static partial Regex VttTimes();
}
