using System.Globalization;

namespace Orator.Server.Hosting;

/// <summary>One numeric setting and the range it must fall in (inclusive).</summary>
/// <param name="Key">The full key, e.g. <c>Orator:Pauses:SentenceMs</c>.</param>
/// <param name="Minimum">Smallest accepted value.</param>
/// <param name="Maximum">Largest accepted value.</param>
/// <param name="Read">The bound value.</param>
/// <param name="Meaning">What a special value means (<c>0 = one per CPU core</c>), said in the error.</param>
/// <param name="WholeNumber">False where fractions are accepted (seconds, multipliers).</param>
public sealed record NumericSetting(string Key, double Minimum, double Maximum, Func<OratorOptions, double> Read, string? Meaning = null, bool WholeNumber = true)
{
    /// <summary>The problem with a configured text, or null when it reads as this setting's kind of number (or is unset).</summary>
    public string? TypeProblem(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var readable = WholeNumber
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
        return readable ? null : $"{Key} must be {(WholeNumber ? "a whole number" : "a number")} between {Format(Minimum)} and {Format(Maximum)} (got '{text}').";
    }

    /// <summary>The problem with a bound value, or null when it is in range.</summary>
    public string? RangeProblem(double value) =>
        value >= Minimum && value <= Maximum // false for NaN too
            ? null
            : $"{Key} must be between {Format(Minimum)} and {Format(Maximum)} (got {Format(value)}){(Meaning is null ? "" : "; " + Meaning)}.";

    /// <summary>The problem with the value bound into <paramref name="options"/>, or null.</summary>
    public string? RangeProblem(OratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RangeProblem(Read(options));
    }

    private static string Format(double value) => value.ToString(Math.Abs(value) < 1e9 && value == Math.Floor(value) ? "0" : "G7", CultureInfo.InvariantCulture);
}
