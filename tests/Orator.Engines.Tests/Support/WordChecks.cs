using Orator.Core.Audio;

namespace Orator.Engines.Tests.Support;

/// <summary>Checks every engine's word timings must pass.</summary>
internal static class WordChecks
{
    /// <summary>
    /// The words are exactly <paramref name="expected"/> (as text, in order), monotonic, within
    /// <paramref name="samples"/>, each reported before the audio holding its start.
    /// </summary>
    public static void AreWellFormed(string text, IReadOnlyList<string> expected, IReadOnlyList<WordTiming> words, long samples)
    {
        Assert.Equal(expected, words.Select(w => text.Substring(w.TextOffset, w.TextLength)));
        long lastStart = 0, lastEnd = 0;
        foreach (var word in words)
        {
            Assert.True(word.StartSample >= lastStart, $"start {word.StartSample} goes back from {lastStart}");
            Assert.True(word.EndSample >= lastEnd, $"end {word.EndSample} goes back from {lastEnd}");
            Assert.True(word.EndSample > word.StartSample, $"word at {word.StartSample} has no length");
            Assert.InRange(word.EndSample, 0, samples);
            (lastStart, lastEnd) = (word.StartSample, word.EndSample);
        }
    }

    /// <summary>Where sound begins after each silence of at least <paramref name="minimumGap"/> samples (the first too).</summary>
    public static List<int> Onsets(ReadOnlySpan<short> samples, int minimumGap, int threshold = 300)
    {
        var onsets = new List<int>();
        var quiet = minimumGap;
        for (var i = 0; i < samples.Length; i++)
        {
            if (Math.Abs((int)samples[i]) > threshold)
            {
                if (quiet >= minimumGap)
                {
                    onsets.Add(i);
                }

                quiet = 0;
            }
            else
            {
                quiet++;
            }
        }

        return onsets;
    }
}
