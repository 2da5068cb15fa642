namespace Orator.Engines.Neural.Phonemes;

/// <summary>
/// Cuts text into word runs and punctuation marks, so that punctuation espeak-ng would drop can be
/// put back between the phonemized runs. A period, comma, colon... only counts when whitespace or
/// the end follows it, so "3.5", "U.S" and "e.g" stay inside their run for espeak-ng to read.
/// </summary>
internal static class PunctuationPieces
{
    private const string Closing = ",.!?;:";
    private const string Always = "—…\"“”()¿¡«»";
    private const string Opening = "“(¿¡«";

    /// <summary>One run of text or one punctuation mark.</summary>
    public readonly record struct Piece(string Text, bool IsPunctuation);

    /// <summary>True for marks that open a phrase and attach to the word after them.</summary>
    public static bool Opens(char mark) => Opening.Contains(mark, StringComparison.Ordinal);

    /// <summary>Splits <paramref name="text"/> in order; runs are trimmed, empty runs left out.</summary>
    public static List<Piece> Split(string text)
    {
        var pieces = new List<Piece>();
        var runStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Ascii(text[i]);
            var isMark = c != text[i] || Always.Contains(c, StringComparison.Ordinal)
                || (Closing.Contains(c, StringComparison.Ordinal) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || IsMark(text[i + 1])));
            if (!isMark)
            {
                continue;
            }

            AddRun(pieces, text, runStart, i);
            pieces.Add(new Piece(c.ToString(), true));
            runStart = i + 1;
        }

        AddRun(pieces, text, runStart, text.Length);
        return pieces;
    }

    /// <summary>CJK full-width marks as their ASCII twins (the vocabularies know only those).</summary>
    private static char Ascii(char c) => c switch
    {
        '。' => '.',
        '、' or '，' => ',',
        '！' => '!',
        '？' => '?',
        '；' => ';',
        '：' => ':',
        _ => c,
    };

    private static bool IsMark(char c) => Ascii(c) != c || Closing.Contains(c, StringComparison.Ordinal) || Always.Contains(c, StringComparison.Ordinal);

    private static void AddRun(List<Piece> pieces, string text, int start, int end)
    {
        var run = text[start..end].Trim();
        if (run.Length > 0)
        {
            pieces.Add(new Piece(run, false));
        }
    }
}
