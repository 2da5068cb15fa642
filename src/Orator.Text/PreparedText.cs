namespace Orator.Text;

/// <summary>Text made ready for a speech engine, and the map from it back to the text it was made from.</summary>
/// <param name="Text">What the engine is given.</param>
/// <param name="Map">Where each part of <paramref name="Text"/> came from in the original text.</param>
public readonly record struct PreparedText(string Text, TextMap Map);
