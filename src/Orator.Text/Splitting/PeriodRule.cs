using Orator.Text.Characters;
using Orator.Text.Lexicon;

namespace Orator.Text.Splitting;

/// <summary>
/// Decides whether a single period before white space ends a sentence, from the word before it and
/// the word after it. Missing a sentence end costs little (the chunk limits still apply), a wrong one
/// puts a pause in the middle of a name, so unclear cases are not sentence ends.
/// </summary>
internal static class PeriodRule
{
    /// <summary>Longer "words" (URLs, long compounds) are never abbreviations; bounds the look-back.</summary>
    private const int LongestToken = 64;

    private const int LongestNextWord = 24;

    /// <summary>Whether the period at <paramref name="period"/> ends a sentence whose next word starts at <paramref name="next"/>.</summary>
    public static bool EndsSentence(string text, int period, int next)
    {
        int start = period;
        while (start > 0 && period - start < LongestToken && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        if (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            return true;
        }

        while (start < period && Punctuation.IsOpener(text[start]))
        {
            start++;
        }

        ReadOnlySpan<char> token = text.AsSpan(start, period - start);
        if (token.IsEmpty || token.ContainsAny('@', '/'))
        {
            return true; // a period after a quote or bracket; a URL, an e-mail address or a path
        }

        bool atLineStart = IsLineStart(text, start);
        ReadOnlySpan<char> nextWord = WordAt(text, next);

        if (token.ContainsAnyInRange('0', '9'))
        {
            bool number = !token.ContainsAnyExceptInRange('0', '9');
            if (number && ((atLineStart && token.Length <= 3) || MonthNames.Contains(nextWord)))
            {
                return false; // "1. Buy milk", German "am 3. Oktober"
            }

            return true; // "in 1999. Then", "version 1.2.3. Next"
        }

        if (atLineStart && ListMarkers.IsMarkerWord(token))
        {
            return false; // "a. First", "IV. Results"
        }

        if (token.Contains('.'))
        {
            // "e.g", "U.S", "p.m", "Ph.D" are abbreviations; "report.pdf", "example.com" are words.
            return !IsDottedAbbreviation(token)
                || (Abbreviations.IsSometimesFinal(token) && SentenceStarters.Contains(nextWord));
        }

        if (token.Length == 1 && char.IsUpper(token[0]) && token[0] != 'I')
        {
            return false; // an initial: "J. R. R. Tolkien"
        }

        if (Abbreviations.IsNeverFinal(token))
        {
            return false;
        }

        if (Abbreviations.IsBeforeNumber(token))
        {
            return !char.IsDigit(text[next]);
        }

        return !Abbreviations.IsSometimesFinal(token) || SentenceStarters.Contains(nextWord);
    }

    private static bool IsDottedAbbreviation(ReadOnlySpan<char> token)
    {
        foreach (Range part in token.Split('.'))
        {
            ReadOnlySpan<char> letters = token[part];
            if (letters.Length is 0 or > 2)
            {
                return false;
            }

            foreach (char c in letters)
            {
                if (!char.IsLetter(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsLineStart(string text, int index)
    {
        int i = index;
        while (i > 0 && index - i < LongestToken && Spaces.IsInline(text, i - 1))
        {
            i--;
        }

        return i == 0 || Spaces.IsLineBreak(text[i - 1]);
    }

    private static ReadOnlySpan<char> WordAt(string text, int index)
    {
        int end = index;
        while (end < text.Length && end - index < LongestNextWord && char.IsLetter(text[end]))
        {
            end++;
        }

        return text.AsSpan(index, end - index);
    }
}
