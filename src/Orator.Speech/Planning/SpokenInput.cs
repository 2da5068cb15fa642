using Orator.Speech.Requests;
using Orator.Text.Normalization;

namespace Orator.Speech.Planning;

/// <summary>
/// Which normalizer, if any, a voice gets: English voices (language <c>en</c>, <c>en-*</c>) are
/// normalized unless the request turns it off; other languages rely on their engine's own rules.
/// </summary>
internal static class SpokenInput
{
    private static readonly EnglishNormalizer Us = new(new EnglishNormalizerOptions { Locale = EnglishLocale.Us });
    private static readonly EnglishNormalizer Gb = new(new EnglishNormalizerOptions { Locale = EnglishLocale.Gb });

    public static bool IsEnglish(string language) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && (language.Length == 2 || language[2] is '-' or '_');

    /// <summary>US conventions for en, en-US and en-CA; British (day-first dates, "one hundred and five") for other English varieties.</summary>
    public static EnglishLocale LocaleOf(string language)
    {
        var region = language.Length > 3 ? language[3..] : string.Empty;
        return region.Length == 0 || region.Equals("US", StringComparison.OrdinalIgnoreCase) || region.Equals("CA", StringComparison.OrdinalIgnoreCase)
            ? EnglishLocale.Us
            : EnglishLocale.Gb;
    }

    /// <summary>The normalizer for this voice language and request setting, or null when the text is passed on as written.</summary>
    public static EnglishNormalizer? NormalizerFor(string language, NormalizationSetting setting)
    {
        if (!setting.Enabled || !IsEnglish(language))
        {
            return null;
        }

        return (setting.Locale ?? LocaleOf(language)) == EnglishLocale.Gb ? Gb : Us;
    }
}
