using Orator.Speech.Captions;

namespace Orator.Speech.Tests.Captions;

/// <summary>Words as an engine reports them: each run of non-space characters without its surrounding punctuation, timed one after another.</summary>
internal static class TimedWords
{
    public static SpokenWord[] For(string text, double wordSeconds = 0.3, double gapSeconds = 0.1)
    {
        var words = new List<SpokenWord>();
        double time = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            int start = i;
            int stop = end;
            while (start < stop && char.IsPunctuation(text[start]))
            {
                start++;
            }

            while (stop > start && char.IsPunctuation(text[stop - 1]))
            {
                stop--;
            }

            if (stop > start)
            {
                words.Add(new SpokenWord(text[start..stop], time, time + wordSeconds, start, stop - start));
                time += wordSeconds + gapSeconds;
            }

            i = end;
        }

        return [.. words];
    }

    /// <summary>The words of <paramref name="text"/> with the given durations, each starting where the one before ended.</summary>
    public static SpokenWord[] WithDurations(string text, params double[] seconds)
    {
        SpokenWord[] words = For(text);
        double time = 0;
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = words[i] with { Start = time, End = time + seconds[i] };
            time += seconds[i];
        }

        return words;
    }
}
