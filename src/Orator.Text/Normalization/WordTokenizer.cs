namespace Orator.Text.Normalization;

/// <summary>Cuts text into <see cref="WordToken"/>s in one pass; concatenating every token's parts restores the input.</summary>
internal static class WordTokenizer
{
    private const string OpeningPunctuation = "([{\"'“‘«¿¡";
    private const string ClosingPunctuation = ")]}\"'”’»,;:!?.…";

    public static List<WordToken> Tokenize(string text, out string leadingSpace)
    {
        var tokens = new List<WordToken>();
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        leadingSpace = text[..i];
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int end = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int coreStart = start;
            while (coreStart < end && OpeningPunctuation.Contains(text[coreStart], StringComparison.Ordinal))
            {
                coreStart++;
            }

            int coreEnd = end;
            while (coreEnd > coreStart && ClosingPunctuation.Contains(text[coreEnd - 1], StringComparison.Ordinal))
            {
                coreEnd--;
            }

            tokens.Add(new WordToken(
                text[start..coreStart],
                text[coreStart..coreEnd],
                text[coreEnd..end],
                text[end..i],
                start));
        }

        return tokens;
    }
}
