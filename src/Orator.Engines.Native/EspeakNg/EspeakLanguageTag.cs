namespace Orator.Engines.EspeakNg;

/// <summary>
/// Turns espeak-ng's lower-case language names ("en-gb", "cmn-latn-pinyin") into BCP-47 casing
/// ("en-GB", "cmn-Latn-pinyin"): regions upper case, scripts title case, private-use parts as given.
/// </summary>
internal static class EspeakLanguageTag
{
    /// <summary>Returns <paramref name="espeakLanguage"/> in BCP-47 casing.</summary>
    public static string ToBcp47(string espeakLanguage)
    {
        ArgumentNullException.ThrowIfNull(espeakLanguage);
        var parts = espeakLanguage.Split('-');
        var privateUse = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0 || privateUse)
            {
                parts[i] = part.ToLowerInvariant();
            }
            else if (part.Length == 1)
            {
                privateUse = part is "x" or "X";
                parts[i] = part.ToLowerInvariant();
            }
            else if (part.Length == 2 && part.All(char.IsAsciiLetter))
            {
                parts[i] = part.ToUpperInvariant();
            }
            else if (part.Length == 4 && part.All(char.IsAsciiLetter))
            {
                parts[i] = char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant();
            }
            else
            {
                parts[i] = part.ToLowerInvariant();
            }
        }

        return string.Join('-', parts);
    }
}
