using System.Text;
using System.Text.RegularExpressions;
using Orator.Text.Mapping;

namespace Orator.Text.Normalization;

/// <summary>
/// Removes what is written for the eye, not the ear: markdown emphasis, links, headings, bullets,
/// code fences, and emoji. Link and image text is kept; the address behind it is dropped.
/// </summary>
internal static class MarkupCleaner
{
    // NonBacktracking keeps every pattern linear in the input, so hostile text cannot stall a request.
    private const RegexOptions Safe = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private static readonly System.Buffers.SearchValues<char> s_markupCharacters = System.Buffers.SearchValues.Create("*_`#>[~-+");

    // In the order they run; each keeps only the groups named, so what survives is always copied from the input.
    private static readonly MarkupPass[] s_passes =
    [
        new(new Regex(@"^[ \t]{0,3}(```[^\n]{0,100}|~~~[^\n]{0,100}|([-*_][ \t]*){3,})$", Safe | RegexOptions.Multiline)), // rules and fences
        new(new Regex(@"^[ \t]{0,3}(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)", Safe | RegexOptions.Multiline)), // headings, quotes, bullets
        new(new Regex(@"!?\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}\)", Safe), 1), // links and images
        new(new Regex(@"`([^`\n]{1,500})`", Safe), 1), // code
        new(new Regex(@"(\*\*|__)([^*_\n]{1,500})(\*\*|__)", Safe), 2), // strong
        new(new Regex(@"~~([^~\n]{1,500})~~", Safe), 1), // strike-through
        new(new Regex(@"(^|[\s(])[*_]([^*_\s][^*_\n]{0,500})[*_]", Safe | RegexOptions.Multiline), 1, 2), // emphasis
    ];

    public static string Clean(string text)
    {
        string cleaned = WithoutEmoji(text, map: null);
        if (cleaned.AsSpan().IndexOfAny(s_markupCharacters) < 0)
        {
            return cleaned;
        }

        foreach (MarkupPass pass in s_passes)
        {
            cleaned = pass.Pattern.Replace(cleaned, pass.Replacement);
        }

        return cleaned;
    }

    /// <summary>The same text as <see cref="Clean(string)"/>, with a map from it back to <paramref name="text"/>.</summary>
    public static string Clean(string text, out TextMap map)
    {
        var emoji = new TextMapBuilder();
        string cleaned = WithoutEmoji(text, emoji);
        map = ReferenceEquals(cleaned, text) ? TextMap.Identity(text.Length) : emoji.Build(text.Length);
        if (cleaned.AsSpan().IndexOfAny(s_markupCharacters) < 0)
        {
            return cleaned;
        }

        foreach (MarkupPass pass in s_passes)
        {
            cleaned = pass.Apply(cleaned, ref map);
        }

        return cleaned;
    }

    private static string WithoutEmoji(string text, TextMapBuilder? map)
    {
        int first = FirstEmoji(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        map?.Copy(0, first);
        bool dropped = false;
        int at = first;
        foreach (Rune rune in text.AsSpan(first).EnumerateRunes())
        {
            int source = at;
            at += rune.Utf16SequenceLength;
            if (IsEmoji(rune.Value))
            {
                dropped = true;
                continue;
            }

            // Emoji between words leave one space, not two.
            if (dropped && Rune.IsWhiteSpace(rune) && builder.Length > 0 && char.IsWhiteSpace(builder[^1]))
            {
                continue;
            }

            dropped = false;
            builder.Append(rune.ToString());
            map?.Copy(source, rune.Utf16SequenceLength);
        }

        return builder.ToString();
    }

    private static int FirstEmoji(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsEmoji(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return i;
                }

                i++;
            }
            else if (!char.IsSurrogate(c) && IsEmoji(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsEmoji(int codePoint) => codePoint switch
    {
        >= 0x1F000 and <= 0x1FAFF => true, // pictographs, emoticons, flags, skin tones
        >= 0x2600 and <= 0x27BF => true, // miscellaneous symbols and dingbats
        >= 0x2B00 and <= 0x2BFF => true, // stars and arrows used as emoji
        0xFE0F or 0xFE0E or 0x200D or 0x20E3 => true, // presentation selectors, joiner, keycap
        0x2122 or 0x00AE or 0x00A9 => true, // trade marks are not read aloud
        >= 0xE0020 and <= 0xE007F => true, // tag characters in subdivision flags
        _ => false,
    };
}
