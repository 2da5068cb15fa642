using System.Text;
using System.Text.RegularExpressions;

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

    private static readonly Regex s_link = new(@"!?\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}\)", Safe);
    private static readonly Regex s_strong = new(@"(\*\*|__)([^*_\n]{1,500})(\*\*|__)", Safe);
    private static readonly Regex s_emphasis = new(@"(^|[\s(])[*_]([^*_\s][^*_\n]{0,500})[*_]", Safe | RegexOptions.Multiline);
    private static readonly Regex s_strike = new(@"~~([^~\n]{1,500})~~", Safe);
    private static readonly Regex s_code = new(@"`([^`\n]{1,500})`", Safe);
    private static readonly Regex s_lineMarker = new(@"^[ \t]{0,3}(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)", Safe | RegexOptions.Multiline);
    private static readonly Regex s_ruleOrFence = new(@"^[ \t]{0,3}(```[^\n]{0,100}|~~~[^\n]{0,100}|([-*_][ \t]*){3,})$", Safe | RegexOptions.Multiline);

    public static string Clean(string text)
    {
        string cleaned = WithoutEmoji(text);
        if (cleaned.AsSpan().IndexOfAny(s_markupCharacters) < 0)
        {
            return cleaned;
        }

        cleaned = s_ruleOrFence.Replace(cleaned, string.Empty);
        cleaned = s_lineMarker.Replace(cleaned, string.Empty);
        cleaned = s_link.Replace(cleaned, "$1");
        cleaned = s_code.Replace(cleaned, "$1");
        cleaned = s_strong.Replace(cleaned, "$2");
        cleaned = s_strike.Replace(cleaned, "$1");
        return s_emphasis.Replace(cleaned, "$1$2");
    }

    private static string WithoutEmoji(string text)
    {
        int first = FirstEmoji(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        bool dropped = false;
        foreach (Rune rune in text.AsSpan(first).EnumerateRunes())
        {
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
