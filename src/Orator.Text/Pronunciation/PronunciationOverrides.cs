namespace Orator.Text.Pronunciation;

/// <summary>
/// Finds inline overrides written <c>{written|spoken}</c>, e.g. <c>{tomato|tuh-MAH-toe}</c>: the
/// engine says the part after the bar, untouched by normalization. Braces that do not form an
/// override (no bar, a line break or another brace inside, an empty side) are left as text. The spoken
/// part stands for the written part, trimmed, not the braces and bar around it.
/// </summary>
internal static class PronunciationOverrides
{
    /// <summary>Longest override accepted, braces included; longer spans are taken for ordinary text.</summary>
    public const int MaxLength = 256;

    public static List<TextPiece> Split(string text)
    {
        var pieces = new List<TextPiece>();
        int plainStart = 0;
        int i = text.IndexOf('{', StringComparison.Ordinal);
        while (i >= 0)
        {
            int close = FindOverrideEnd(text, i, out int bar);
            if (close < 0)
            {
                i = text.IndexOf('{', i + 1);
                continue;
            }

            if (i > plainStart)
            {
                pieces.Add(new TextPiece(text[plainStart..i], Fixed: false, plainStart, i - plainStart));
            }

            (int writtenStart, int writtenLength) = Written(text, i + 1, bar);
            pieces.Add(new TextPiece(text[(bar + 1)..close].Trim(), Fixed: true, writtenStart, writtenLength));
            plainStart = close + 1;
            i = text.IndexOf('{', plainStart);
        }

        if (plainStart < text.Length)
        {
            pieces.Add(new TextPiece(text[plainStart..], Fixed: false, plainStart, text.Length - plainStart));
        }

        return pieces;
    }

    /// <summary>The written part between <paramref name="start"/> and the bar, without the white space around it (all of it when it is only white space).</summary>
    private static (int Start, int Length) Written(string text, int start, int bar)
    {
        ReadOnlySpan<char> written = text.AsSpan(start, bar - start);
        ReadOnlySpan<char> trimmed = written.Trim();
        if (trimmed.IsEmpty)
        {
            return (start, bar - start);
        }

        return (start + written.Length - written.TrimStart().Length, trimmed.Length);
    }

    /// <summary>The index of the closing brace of an override starting at <paramref name="open"/>, or -1.</summary>
    private static int FindOverrideEnd(string text, int open, out int bar)
    {
        bar = -1;
        int limit = Math.Min(text.Length, open + MaxLength);
        for (int i = open + 1; i < limit; i++)
        {
            switch (text[i])
            {
                case '|' when bar < 0:
                    bar = i;
                    break;
                case '}':
                    bool valid = bar > open + 1 && i > bar + 1 && !string.IsNullOrWhiteSpace(text[(bar + 1)..i]);
                    return valid ? i : -1;
                case '{' or '\n' or '\r' or '|':
                    return -1;
            }
        }

        return -1;
    }
}
