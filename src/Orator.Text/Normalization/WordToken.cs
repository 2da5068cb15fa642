namespace Orator.Text.Normalization;

/// <summary>
/// One whitespace-delimited piece of input: opening punctuation, the core, closing punctuation, and
/// the whitespace after it; <see cref="Start"/> is where its opening punctuation starts in the input.
/// </summary>
internal readonly record struct WordToken(string Leading, string Core, string Trailing, string Space, int Start)
{
    public int TrailingEnd => Start + Leading.Length + Core.Length + Trailing.Length;

    public string Original => Leading + Core + Trailing;

    public bool StartsUpper => Core.Length > 0 && char.IsUpper(Core[0]);
}
