namespace Orator.Text.Pronunciation;

/// <summary>A stretch of input; a fixed piece is a pronunciation the user chose and is spoken exactly as written.</summary>
internal readonly record struct TextPiece(string Text, bool Fixed);
