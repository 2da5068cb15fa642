namespace Orator.Text.Normalization;

/// <summary>A unit written after a number ("5 km", "20°C"), with its spoken singular and plural.</summary>
internal sealed record MeasurementUnit(string Singular, string Plural)
{
    private static readonly Dictionary<string, MeasurementUnit> s_common = new(StringComparer.Ordinal)
    {
        ["kg"] = new("kilogram", "kilograms"),
        ["g"] = new("gram", "grams"),
        ["mg"] = new("milligram", "milligrams"),
        ["lb"] = new("pound", "pounds"),
        ["lbs"] = new("pound", "pounds"),
        ["oz"] = new("ounce", "ounces"),
        ["mph"] = new("mile per hour", "miles per hour"),
        ["°"] = new("degree", "degrees"),
        ["°C"] = new("degree Celsius", "degrees Celsius"),
        ["°F"] = new("degree Fahrenheit", "degrees Fahrenheit"),
        ["KB"] = new("kilobyte", "kilobytes"),
        ["MB"] = new("megabyte", "megabytes"),
        ["GB"] = new("gigabyte", "gigabytes"),
        ["TB"] = new("terabyte", "terabytes"),
        ["ms"] = new("millisecond", "milliseconds"),
        ["min"] = new("minute", "minutes"),
        ["hrs"] = new("hour", "hours"),
        ["tbsp"] = new("tablespoon", "tablespoons"),
        ["tsp"] = new("teaspoon", "teaspoons"),
    };

    private static readonly Dictionary<string, MeasurementUnit> s_us = Metric("er");
    private static readonly Dictionary<string, MeasurementUnit> s_gb = Metric("re");

    public static MeasurementUnit? Find(string symbol, EnglishLocale locale) =>
        s_common.GetValueOrDefault(symbol) ?? (locale == EnglishLocale.Us ? s_us : s_gb).GetValueOrDefault(symbol);

    public string For(NumericLiteral value) => value.IsExactlyOne ? Singular : Plural;

    private static Dictionary<string, MeasurementUnit> Metric(string ending) => new(StringComparer.Ordinal)
    {
        ["km"] = new($"kilomet{ending}", $"kilomet{ending}s"),
        ["m"] = new($"met{ending}", $"met{ending}s"),
        ["cm"] = new($"centimet{ending}", $"centimet{ending}s"),
        ["mm"] = new($"millimet{ending}", $"millimet{ending}s"),
        ["km/h"] = new($"kilomet{ending} per hour", $"kilomet{ending}s per hour"),
        ["ml"] = new($"millilit{ending}", $"millilit{ending}s"),
    };
}
