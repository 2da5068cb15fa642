using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Orator.Models.Catalog;

/// <summary>
/// A Piper voice key such as <c>en_US-libritts_r-medium</c>: language_REGION-dataset-quality.
/// The key alone gives the file's place in the rhasspy/piper-voices tree
/// (<c>en/en_US/libritts_r/medium/en_US-libritts_r-medium.onnx</c>).
/// </summary>
public sealed partial record PiperVoiceName(string Key, string Family, string Locale, string Dataset, string Quality)
{
    /// <summary>Folder of the voice in the repository, '/'-separated, without a trailing slash.</summary>
    public string RepositoryFolder => $"{Family}/{Locale}/{Dataset}/{Quality}";

    /// <summary>Parses a key; false for anything that is not one (also rejects path characters).</summary>
    public static bool TryParse(string? key, [NotNullWhen(true)] out PiperVoiceName? voice)
    {
        voice = null;
        if (key is null)
        {
            return false;
        }

        var match = KeyPattern().Match(key);
        if (!match.Success)
        {
            return false;
        }

        var family = match.Groups["family"].Value;
        voice = new PiperVoiceName(key, family, $"{family}_{match.Groups["region"].Value}", match.Groups["dataset"].Value, match.Groups["quality"].Value);
        return true;
    }

    // Only letters, digits and underscores inside the parts: a key can never climb out of the store.
    [GeneratedRegex("^(?<family>[a-z]{2,3})_(?<region>[A-Z]{2})-(?<dataset>[A-Za-z0-9_]+)-(?<quality>x_low|low|medium|high)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
