using System.Text;

namespace Orator.Bench;

/// <summary>Word error rate: word-level edit distance (substitutions + deletions + insertions) over reference words.</summary>
internal static class WordErrorRate
{
    /// <summary>Lower case, hyphens and punctuation turned into spaces, apostrophes kept inside words ("o'clock").</summary>
    public static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '\'' ? c : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'')).Where(w => w.Length > 0).ToArray();
    }

    public static int Errors(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        var previous = new int[hypothesis.Count + 1];
        var current = new int[hypothesis.Count + 1];
        for (int j = 0; j <= hypothesis.Count; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= reference.Count; i++)
        {
            current[0] = i;
            for (int j = 1; j <= hypothesis.Count; j++)
            {
                int substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[hypothesis.Count];
    }
}
