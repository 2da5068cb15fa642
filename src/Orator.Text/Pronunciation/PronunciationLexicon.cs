using System.Globalization;

namespace Orator.Text.Pronunciation;

/// <summary>
/// A server's own list of words and how to say them (<c>nginx = engine x</c>), applied to every
/// request case-insensitively at word boundaries, longest entry first. Entries start with a letter or
/// digit and may span words ("New York"). See README, "Text normalization and pronunciation".
/// </summary>
public sealed class PronunciationLexicon
{
    /// <summary>The most entries a lexicon file may hold.</summary>
    public const int MaxEntries = 100_000;

    private static readonly System.Buffers.SearchValues<char> s_wordCharacters = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    // Single words are looked up by the whole word at a word start; entries with spaces or symbols
    // ("New York", "C++") are few and are tried first, longest first, by their first letter.
    private readonly Dictionary<string, string> _words;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<char, (string Word, string Replacement)[]> _phrasesByFirstLetter;

    private PronunciationLexicon(Dictionary<string, string> entries)
    {
        _words = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var phrases = new List<(string Word, string Replacement)>();
        foreach (var (word, replacement) in entries)
        {
            if (word.AsSpan().ContainsAnyExcept(s_wordCharacters))
            {
                phrases.Add((word, replacement));
            }
            else
            {
                _words[word] = replacement;
            }
        }

        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _phrasesByFirstLetter = phrases
            .GroupBy(e => char.ToLowerInvariant(e.Word[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Word.Length).ToArray());
        Count = entries.Count;
    }

    /// <summary>An empty lexicon.</summary>
    public static PronunciationLexicon Empty { get; } = new([]);

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

        return new PronunciationLexicon(entries);
    }

    /// <summary>Splits a plain <paramref name="piece"/> into plain pieces and fixed replacements for every entry found in it.</summary>
    internal void Apply(TextPiece piece, List<TextPiece> into)
    {
        if (Count == 0)
        {
            into.Add(piece);
            return;
        }

        string text = piece.Text;
        int offset = piece.SourceStart;
        int plainStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordCharacter(text[i]))
            {
                i++;
                continue;
            }

            // i is a word start: the word runs to wordEnd.
            int wordEnd = i;
            while (wordEnd < text.Length && IsWordCharacter(text[wordEnd]))
            {
                wordEnd++;
            }

            if (Match(text, i, wordEnd) is { } match)
            {
                if (i > plainStart)
                {
                    into.Add(new TextPiece(text[plainStart..i], Fixed: false, offset + plainStart, i - plainStart));
                }

                into.Add(new TextPiece(match.Replacement, Fixed: true, offset + i, match.Length));
                i += match.Length;
                plainStart = i;
                continue;
            }

            i = wordEnd;
        }

        if (plainStart < text.Length)
        {
            into.Add(new TextPiece(text[plainStart..], Fixed: false, offset + plainStart, text.Length - plainStart));
        }
    }

    private (string Replacement, int Length)? Match(string text, int start, int wordEnd)
    {
        if (_phrasesByFirstLetter.TryGetValue(char.ToLowerInvariant(text[start]), out var candidates))
        {
            foreach (var candidate in candidates)
            {
                int end = start + candidate.Word.Length;
                if (end <= text.Length
                    && text.AsSpan(start, candidate.Word.Length).Equals(candidate.Word, StringComparison.OrdinalIgnoreCase)
                    && (end == text.Length || !IsWordCharacter(text[end]) || !IsWordCharacter(text[end - 1])))
                {
                    return (candidate.Replacement, candidate.Word.Length);
                }
            }
        }

        return _wordLookup.TryGetValue(text.AsSpan(start, wordEnd - start), out string? replacement) ? (replacement, wordEnd - start) : null;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

}
