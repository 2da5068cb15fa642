using System.Text;
using Orator.Text.Mapping;
using Orator.Text.Normalization;

namespace Orator.Text.Pronunciation;

/// <summary>
/// Turns request text into what the engine is given: inline <c>{written|spoken}</c> overrides and
/// the server lexicon are applied first and kept verbatim; the rest is normalized when a
/// normalizer is given (English voices with normalization on).
/// </summary>
public sealed class SpeechTextPreparer
{
    private readonly PronunciationLexicon _lexicon;

    /// <summary>Creates a preparer that applies <paramref name="lexicon"/>, or none.</summary>
    public SpeechTextPreparer(PronunciationLexicon? lexicon = null)
    {
        _lexicon = lexicon ?? PronunciationLexicon.Empty;
    }

    /// <summary>How many entries the server lexicon holds.</summary>
    public int LexiconEntries => _lexicon.Count;

    /// <summary>Returns the text to synthesise; never throws for any input.</summary>
    public string Prepare(string text, EnglishNormalizer? normalizer)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<TextPiece> pieces = Pieces(text);
        if (pieces.Count == 1 && !pieces[0].Fixed)
        {
            return normalizer is null ? pieces[0].Text : normalizer.Normalize(pieces[0].Text);
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (TextPiece piece in pieces)
        {
            builder.Append(piece.Fixed || normalizer is null ? piece.Text : normalizer.Normalize(piece.Text));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Returns exactly the text <see cref="Prepare"/> returns, with a map from it back to
    /// <paramref name="text"/> for word timestamps. The spoken part of an override maps to its written
    /// part (trimmed, without the braces and bar); a lexicon replacement maps to the words it replaced;
    /// the rest maps as <see cref="EnglishNormalizer.NormalizeMapped"/> says, or character for
    /// character without a normalizer. Never throws for any input.
    /// </summary>
    public PreparedText PrepareMapped(string text, EnglishNormalizer? normalizer)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<TextPiece> pieces = Pieces(text);
        var builder = new StringBuilder(text.Length + 16);
        var map = new TextMapBuilder(pieces.Count);
        foreach (TextPiece piece in pieces)
        {
            if (piece.Fixed)
            {
                builder.Append(piece.Text);
                map.Replace(piece.SourceStart, piece.SourceLength, piece.Text.Length);
            }
            else if (normalizer is null)
            {
                builder.Append(piece.Text);
                map.Copy(piece.SourceStart, piece.Text.Length);
            }
            else
            {
                PreparedText normalized = normalizer.NormalizeMapped(piece.Text);
                builder.Append(normalized.Text);
                map.Append(normalized.Map, piece.SourceStart);
            }
        }

        return new PreparedText(builder.ToString(), map.Build(text.Length));
    }

    private List<TextPiece> Pieces(string text)
    {
        var pieces = new List<TextPiece>();
        foreach (TextPiece piece in PronunciationOverrides.Split(text))
        {
            if (piece.Fixed)
            {
                pieces.Add(piece);
            }
            else
            {
                _lexicon.Apply(piece, pieces);
            }
        }

        return pieces;
    }
}
