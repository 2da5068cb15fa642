namespace Orator.Text.Normalization;

/// <summary>One whitespace-delimited piece of input: opening punctuation, the core, closing punctuation, and the whitespace after it.</summary>
internal readonly record struct WordToken(string Leading, string Core, string Trailing, string Space)
{
    public string Original => Leading + Core + Trailing;

    public bool StartsUpper => Core.Length > 0 && char.IsUpper(Core[0]);
}
