namespace Orator.Text.Characters;

/// <summary>Whether a character marks a clause, and what must follow it for a cut there.</summary>
internal enum ClauseMark
{
    /// <summary>Not a clause mark.</summary>
    None,

    /// <summary>A cut after it needs white space: <c>,</c> in "1,000" or <c>:</c> in "3:45" is no clause.</summary>
    BeforeSpace,

    /// <summary>A cut after it is fine anywhere (CJK commas, Arabic comma, em dash).</summary>
    Anywhere,

    /// <summary>
    /// A single period before white space that did not end a sentence because a lower-case word
    /// follows ("ok. see you"): a clause, unless the word before it is an abbreviation or an initial.
    /// </summary>
    Period,
}
