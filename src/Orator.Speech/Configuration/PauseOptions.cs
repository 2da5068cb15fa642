namespace Orator.Speech.Configuration;

/// <summary>
/// Silence, in milliseconds at normal speed, inserted after each kind of text break
/// (<c>Orator:Pauses</c>). Engines' own trailing silence is trimmed first, so these are the
/// pauses a listener hears. Faster speech shortens them; "pauses"/"dramatic" instructions lengthen them.
/// </summary>
public sealed class PauseOptions
{
    /// <summary>After a sentence.</summary>
    public int SentenceMs { get; init; } = 280;

    /// <summary>After a clause split out of a long sentence (comma, semicolon, dash).</summary>
    public int ClauseMs { get; init; } = 140;

    /// <summary>After a line break that ends a list item or heading.</summary>
    public int LineMs { get; init; } = 350;

    /// <summary>After a paragraph (blank line).</summary>
    public int ParagraphMs { get; init; } = 650;

    /// <summary>After a split forced inside a sentence with no punctuation (kept short).</summary>
    public int ForcedMs { get; init; } = 40;
}
