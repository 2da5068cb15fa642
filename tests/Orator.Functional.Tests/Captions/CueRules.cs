using System.Globalization;
using System.Text.RegularExpressions;

namespace Orator.Functional.Tests.Captions;

/// <summary>The cue rules of docs/architecture/captions.md, checked on what a server or the CLI wrote.</summary>
public static partial class CueRules
{
    public const int MaxLines = 2;
    public const int MaxLineCharacters = 42;
    public const double MaxCueSeconds = 7;

    /// <summary>
    /// Asserts that <paramref name="cues"/> caption <paramref name="input"/> as the rules say: in
    /// order without overlaps, at most 2 lines of 42 characters and 7 s each, together the input's
    /// text (white space collapsed) in order, and every word of <paramref name="words"/> whole in one cue.
    /// </summary>
    public static void AssertFollowed(string input, IReadOnlyList<TimedWord> words, IReadOnlyList<Cue> cues)
    {
        Assert.NotEmpty(cues);
        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            Assert.True(cue.Start >= 0 && cue.Start < cue.End, $"cue {i + 1} runs {cue.Start} -> {cue.End}");
            if (i + 1 < cues.Count)
            {
                Assert.True(cue.End <= cues[i + 1].Start, $"cue {i + 1} ends at {cue.End}, after cue {i + 2} starts at {cues[i + 1].Start}");
            }

            Assert.InRange(cue.Lines.Count, 1, MaxLines);
            Assert.All(cue.Lines, line =>
            {
                Assert.False(string.IsNullOrWhiteSpace(line), $"cue {i + 1} has a blank line");
                Assert.Equal(line.Trim(), line);
                Assert.True(new StringInfo(line).LengthInTextElements <= MaxLineCharacters, $"cue {i + 1} line '{line}' is over {MaxLineCharacters} characters");
            });
            Assert.True(cue.End - cue.Start <= MaxCueSeconds + 1e-9, $"cue {i + 1} ('{cue.Text}') lasts {cue.End - cue.Start:F3} s");
        }

        // Together the cues are the input's text, in order, nothing lost or repeated.
        Assert.Equal(Spaces().Replace(input.Trim(), " "), string.Join(' ', cues.SelectMany(c => c.Lines)));

        // No word is split: each sits whole in one cue, the cues taken in order.
        var index = 0;
        var position = 0;
        foreach (var word in words)
        {
            var text = string.Join(' ', cues[index].Lines);
            var found = text.IndexOf(word.Word, position, StringComparison.Ordinal);
            while (found < 0 && index + 1 < cues.Count)
            {
                index++;
                position = 0;
                text = string.Join(' ', cues[index].Lines);
                found = text.IndexOf(word.Word, StringComparison.Ordinal);
            }

            Assert.True(found >= 0, $"the word '{word.Word}' is in no cue whole (from cue {index + 1} on)");
            position = found + word.Word.Length;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
