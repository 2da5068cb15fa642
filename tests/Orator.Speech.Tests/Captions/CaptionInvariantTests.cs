using System.Globalization;
using System.Text;
using Orator.Speech.Captions;

namespace Orator.Speech.Tests.Captions;

/// <summary>Rules every cue keeps, checked over generated texts (fixed seeds, so a failure repeats).</summary>
public sealed class CaptionInvariantTests
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzéøß";

    public static TheoryData<int> Seeds { get; } = new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_cue_keeps_the_line_duration_and_order_rules_and_no_word_is_split(int seed)
    {
        var random = new Random(seed);
        string text = GenerateText(random);
        SpokenWord[] words = GenerateTimes(random, TimedWords.For(text));
        var rules = CaptionRules.Default;

        CaptionTrack track = CaptionBuilder.Build(text, words, rules);

        Assert.NotEmpty(track.Cues);
        for (int i = 0; i < track.Cues.Count; i++)
        {
            CaptionCue cue = track.Cues[i];
            string[] lines = cue.Text.Split('\n');
            Assert.InRange(lines.Length, 1, 2);
            Assert.All(lines, line => Assert.True(
                new StringInfo(line).LengthInTextElements <= rules.MaxLineCharacters || WordsIn(line) == 1,
                $"Seed {seed}: line too long: \"{line}\""));
            bool singleWord = WordsIn(cue.Text) == 1;
            Assert.True(cue.End - cue.Start <= rules.MaxCueSeconds || singleWord, $"Seed {seed}: cue {i} lasts {cue.End - cue.Start} s");
            Assert.True(cue.Start < cue.End, $"Seed {seed}: cue {i} is empty");
            if (i + 1 < track.Cues.Count)
            {
                Assert.True(cue.End <= track.Cues[i + 1].Start, $"Seed {seed}: cue {i} overlaps the next");
            }
        }

        // Every character of the input is in exactly one cue, in order: no word split, none lost.
        string shown = string.Join(' ', track.Cues.Select(cue => cue.Text.Replace('\n', ' ')));
        Assert.Equal(Collapse(text), shown);
        Assert.Equal(track.Cues, CaptionBuilder.Build(text, words, rules).Cues);
    }

    private static string GenerateText(Random random)
    {
        var text = new StringBuilder();
        int count = random.Next(1, 160);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(random.Next(20) switch { 0 => "  ", 1 => "\n", _ => " " });
            }

            int length = random.Next(30) == 0 ? random.Next(43, 61) : random.Next(1, 13);
            for (int c = 0; c < length; c++)
            {
                text.Append(Letters[random.Next(Letters.Length)]);
            }

            text.Append(random.Next(40) switch
            {
                0 or 1 or 2 => ",",
                3 or 4 => ".",
                5 => "?",
                6 => ";",
                7 => " —",
                8 => "…",
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    private static SpokenWord[] GenerateTimes(Random random, SpokenWord[] words)
    {
        double time = random.NextDouble();
        for (int i = 0; i < words.Length; i++)
        {
            double length = random.Next(40) == 0 ? 9 : 0.05 + (random.NextDouble() * 0.75);
            if (random.Next(50) == 0)
            {
                length = 0; // an engine that timed a word at one instant
            }

            words[i] = words[i] with { Start = time, End = time + length };
            time += length + (random.Next(50) == 0 ? 3 : random.NextDouble() * 0.3);
        }

        return words;
    }

    /// <summary>Words in a cue or a line; a detached dash is punctuation, not a word.</summary>
    private static int WordsIn(string text) => text.Split([' ', '\n']).Count(piece => piece.Any(char.IsLetterOrDigit));

    private static string Collapse(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
