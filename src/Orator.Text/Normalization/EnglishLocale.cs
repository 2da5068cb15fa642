namespace Orator.Text.Normalization;

/// <summary>The English variety whose reading conventions the normalizer follows.</summary>
public enum EnglishLocale
{
    /// <summary>American English: month-first dates, "one hundred five", "kilometers".</summary>
    Us,

    /// <summary>British English: day-first dates, "one hundred and five", "kilometres".</summary>
    Gb,
}
