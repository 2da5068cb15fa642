namespace Orator.Text.Normalization;

/// <summary>Options for <see cref="EnglishNormalizer"/>.</summary>
public sealed record EnglishNormalizerOptions
{
    /// <summary>Which English conventions to read dates, numbers and spellings with. Defaults to <see cref="EnglishLocale.Us"/>.</summary>
    public EnglishLocale Locale { get; init; } = EnglishLocale.Us;
}
