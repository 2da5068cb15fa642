namespace Orator.Speech.Rendering;

/// <summary>What an output learns when the first audio exists.</summary>
/// <param name="ContentType">The media type of the encoded bytes (<c>audio/mpeg</c>).</param>
public readonly record struct RenderStart(string ContentType);
