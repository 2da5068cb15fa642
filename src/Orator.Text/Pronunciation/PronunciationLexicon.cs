using System.Globalization;

namespace Orator.Text.Pronunciation;

/// <summary>
/// A server's own list of words and how to say them (<c>nginx = engine x</c>), applied to every
/// request case-insensitively at word boundaries, longest entry first. See README, "Pronunciation".
/// </summary>
public sealed class PronunciationLexicon
{
    /// <summary>The most entries a lexicon file may hold.</summary>
    public const int MaxEntries = 100_000;

    private readonly Dictionary<char, (string Word, string Replacement)[]> _byFirstLetter;

    private PronunciationLexicon(Dictionary<char, (string Word, string Replacement)[]> byFirstLetter, int count)
    {
        _byFirstLetter = byFirstLetter;
        Count = count;
    }

    /// <summary>An empty lexicon.</summary>
    public static PronunciationLexicon Empty { get; } = new([], 0);

    /// <summary>How many entries the lexicon holds.</summary>
    public int Count { get; }

    /// <summary>Reads a lexicon file; see <see cref="Parse"/> for the format.</summary>
    /// <exception cref="InvalidDataException">The file cannot be read, or has a line that is not an entry, a comment or blank.</exception>
    public static PronunciationLexicon Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Cannot read the pronunciation lexicon '{path}': {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>
    /// Parses lexicon text: one <c>word = replacement</c> per line; blank lines and lines starting
    /// with <c>#</c> are ignored; a later entry for the same word wins.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is not an entry, a comment or blank.</exception>
    public static PronunciationLexicon Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int lineNumber = 0;
        foreach (string rawLine in text.Split('\n'))
        {
            lineNumber++;
            string line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            string word = equals > 0 ? line[..equals].Trim() : string.Empty;
            string replacement = equals > 0 ? line[(equals + 1)..].Trim() : string.Empty;
            if (word.Length == 0 || replacement.Length == 0)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{sourceName}, line {lineNumber}: expected 'word = replacement', found '{line}'."));
            }

            entries[word] = replacement;
            if (entries.Count > MaxEntries)
            {
                throw new InvalidDataException($"{sourceName}: more than {MaxEntries} entries.");
            }
        }

        var byFirstLetter = entries
            .GroupBy(e => char.ToLowerInvariant(e.Key[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Key.Length).Select(e => (e.Key, e.Value)).ToArray());
        return new PronunciationLexicon(byFirstLetter, entries.Count);
    }

    /// <summary>Splits <paramref name="text"/> into plain pieces and fixed replacements for every entry found in it.</summary>
    internal void Apply(string text, List<TextPiece> into)
    {
        if (Count == 0)
        {
            into.Add(new TextPiece(text, Fixed: false));
            return;
        }

        int plainStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            if ((i == 0 || !IsWordCharacter(text[i - 1])) && Match(text, i) is { } match)
            {
                if (i > plainStart)
                {
                    into.Add(new TextPiece(text[plainStart..i], Fixed: false));
                }

                into.Add(new TextPiece(match.Replacement, Fixed: true));
                i += match.Word.Length;
                plainStart = i;
                continue;
            }

            i++;
        }

        if (plainStart < text.Length)
        {
            into.Add(new TextPiece(text[plainStart..], Fixed: false));
        }
    }

    private (string Word, string Replacement)? Match(string text, int start)
    {
        if (!_byFirstLetter.TryGetValue(char.ToLowerInvariant(text[start]), out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            int end = start + candidate.Word.Length;
            if (end <= text.Length
                && text.AsSpan(start, candidate.Word.Length).Equals(candidate.Word, StringComparison.OrdinalIgnoreCase)
                && (end == text.Length || !IsWordCharacter(text[end]) || !IsWordCharacter(text[end - 1])))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';
}
