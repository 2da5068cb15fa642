using System.Globalization;
using System.Text;

namespace Orator.Engines.Flite;

/// <summary>
/// Turns any .NET string into the NUL-terminated Latin-1 bytes Flite's English front end reads.
/// Accented Latin letters lose their accents (Flite's lexicon only knows ASCII letters and drops
/// the rest), typographic punctuation becomes its ASCII twin, other characters outside Latin-1
/// (CJK, emoji, control characters, stray surrogates) become spaces. Never emits a NUL inside.
/// </summary>
internal static class FliteTextSanitizer
{
    // ASCII base letter for U+00C0..U+024F, '.' where there is none: the first character of each
    // code point's canonical decomposition (NFD). Kept as data because the project runs with
    // InvariantGlobalization, where string.Normalize is a no-op.
    private const int LatinStart = 0x00C0;
    private const string LatinBases =
        "AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.y" +
        "AaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl." +
        "...NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz." +
        "................................Oo.............Uu..............." +
        ".............AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa...." +
        "AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............" +
        "................";

    // The same for Latin Extended Additional, U+1E00..U+1EFF (Vietnamese and others).
    private const int LatinAdditionalStart = 0x1E00;
    private const string LatinAdditionalBases =
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm" +
        "MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv" +
        "WwWwWwWwWwXxXxYyZzZzZzhtwy......AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe" +
        "EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......";

    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Returns <paramref name="text"/> as Latin-1 bytes with a terminating NUL.</summary>
    public static byte[] ToNativeText(string text) => ToNativeText(text, sources: null);

    /// <summary>
    /// Returns <paramref name="text"/> as Latin-1 bytes with a terminating NUL and, when
    /// <paramref name="sources"/> is given, fills it with the UTF-16 offset in <paramref name="text"/>
    /// that each byte came from (one entry per byte, the NUL included, which maps to the text's length).
    /// </summary>
    public static byte[] ToNativeText(string text, List<int>? sources)
    {
        ArgumentNullException.ThrowIfNull(text);

        var builder = new StringBuilder(text.Length + 1);
        if (sources is null)
        {
            // Decomposes where ICU is available; with invariant globalization the tables below do it.
            var decomposed = text.IsNormalized(NormalizationForm.FormD) ? text : text.Normalize(NormalizationForm.FormD);
            foreach (var rune in decomposed.EnumerateRunes())
            {
                Append(builder, rune);
            }
        }
        else
        {
            AppendTracked(builder, text, sources);
        }

        var sanitized = builder.ToString();
        var bytes = new byte[Latin1.GetByteCount(sanitized) + 1];
        Latin1.GetBytes(sanitized, bytes);
        return bytes;
    }

    // Rune by rune, each decomposed alone: the same characters as decomposing the whole text (only
    // the order of combining marks could differ, and those are dropped), with each one's source known.
    private static void AppendTracked(StringBuilder builder, string text, List<int> sources)
    {
        sources.Clear();
        for (var offset = 0; offset < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(offset), out var rune, out var width);
            if (rune.IsAscii)
            {
                Append(builder, rune);
            }
            else
            {
                var single = rune.ToString();
                var decomposed = single.IsNormalized(NormalizationForm.FormD) ? single : single.Normalize(NormalizationForm.FormD);
                foreach (var piece in decomposed.EnumerateRunes())
                {
                    Append(builder, piece);
                }
            }

            while (sources.Count < builder.Length)
            {
                sources.Add(offset);
            }

            offset += width;
        }

        sources.Add(text.Length); // the NUL
    }

    private static void Append(StringBuilder builder, Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.Format)
        {
            return; // accents left over from decomposition; zero-width and soft-hyphen formatting
        }

        var value = rune.Value;
        if (value is '\t' or '\n' or '\r' || (value >= 0x20 && value < 0x7F))
        {
            builder.Append((char)value);
            return;
        }

        if (Replacement(value) is { } replacement)
        {
            builder.Append(replacement);
            return;
        }

        if (value >= LatinStart && value < LatinStart + LatinBases.Length && LatinBases[value - LatinStart] != '.')
        {
            builder.Append(LatinBases[value - LatinStart]);
        }
        else if (value >= LatinAdditionalStart && value < LatinAdditionalStart + LatinAdditionalBases.Length
            && LatinAdditionalBases[value - LatinAdditionalStart] != '.')
        {
            builder.Append(LatinAdditionalBases[value - LatinAdditionalStart]);
        }
        else if (value >= 0xA1 && value <= 0xFF)
        {
            builder.Append((char)value); // Latin-1 symbols (£, °, ©...): Flite skips what it cannot read
        }
        else
        {
            builder.Append(' ');
        }
    }

    private static string? Replacement(int value) => value switch
    {
        0x00A0 or 0x2002 or 0x2003 or 0x2009 or 0x202F => " ",
        0x2018 or 0x2019 or 0x201A or 0x201B or 0x2032 or 0x02BC => "'",
        0x201C or 0x201D or 0x201E or 0x201F or 0x2033 or 0x00AB or 0x00BB => "\"",
        0x2010 or 0x2011 or 0x2012 or 0x2013 or 0x2014 or 0x2015 or 0x2212 => "-",
        0x2026 => "...",
        0x00C6 => "AE",
        0x00E6 => "ae",
        0x0152 => "OE",
        0x0153 => "oe",
        0x00DF => "ss",
        0x00D8 => "O",
        0x00F8 => "o",
        0x00D0 or 0x0110 => "D",
        0x00F0 or 0x0111 => "d",
        0x00DE => "Th",
        0x00FE => "th",
        0x0141 or 0x013F => "L",
        0x0142 or 0x0140 => "l",
        0x0131 => "i",
        0x0126 => "H",
        0x0127 => "h",
        _ => null,
    };
}
