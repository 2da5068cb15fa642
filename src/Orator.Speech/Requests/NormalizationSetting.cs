using Orator.Text.Normalization;

namespace Orator.Speech.Requests;

/// <summary>
/// The <c>normalization</c> request extension: whether English text normalization runs, and with
/// which conventions (null = the voice's own: en-US reads US style, other English voices GB style).
/// </summary>
public sealed record NormalizationSetting(bool Enabled, EnglishLocale? Locale)
{
    /// <summary>What a request without the field gets: on, with the voice's conventions.</summary>
    public static NormalizationSetting Default { get; } = new(true, null);

    /// <summary>The wire name of a locale: <c>en-US</c> or <c>en-GB</c>.</summary>
    public static string LocaleName(EnglishLocale locale) => locale == EnglishLocale.Gb ? "en-GB" : "en-US";
}
