namespace Orator.Text.Pronunciation;

/// <summary>
/// A stretch of input; a fixed piece is a pronunciation the user chose and is spoken exactly as written.
/// <see cref="SourceStart"/> and <see cref="SourceLength"/> say which part of the request text it stands
/// for: the same characters for a plain piece, the written word for an override or lexicon entry.
/// </summary>
internal readonly record struct TextPiece(string Text, bool Fixed, int SourceStart, int SourceLength);
