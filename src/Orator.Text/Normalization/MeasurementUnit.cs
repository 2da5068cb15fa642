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
        ["mi"] = new("mile", "miles"),
        ["ft"] = new("foot", "feet"),
        ["yd"] = new("yard", "yards"),
        ["mins"] = new("minute", "minutes"),
        ["hr"] = new("hour", "hours"),
        ["h"] = new("hour", "hours"),
        ["s"] = new("second", "seconds"),
        ["sec"] = new("second", "seconds"),
        ["secs"] = new("second", "seconds"),
        ["µs"] = new("microsecond", "microseconds"),
        ["ns"] = new("nanosecond", "nanoseconds"),
        ["Hz"] = new("hertz", "hertz"),
        ["kHz"] = new("kilohertz", "kilohertz"),
        ["MHz"] = new("megahertz", "megahertz"),
        ["GHz"] = new("gigahertz", "gigahertz"),
        ["W"] = new("watt", "watts"),
        ["kW"] = new("kilowatt", "kilowatts"),
        ["kWh"] = new("kilowatt hour", "kilowatt hours"),
        ["MW"] = new("megawatt", "megawatts"),
        ["V"] = new("volt", "volts"),
        ["mAh"] = new("milliamp hour", "milliamp hours"),
        ["Kbps"] = new("kilobit per second", "kilobits per second"),
        ["Mbps"] = new("megabit per second", "megabits per second"),
        ["Gbps"] = new("gigabit per second", "gigabits per second"),
        ["PB"] = new("petabyte", "petabytes"),
        ["KiB"] = new("kibibyte", "kibibytes"),
        ["MiB"] = new("mebibyte", "mebibytes"),
        ["GiB"] = new("gibibyte", "gibibytes"),
        ["px"] = new("pixel", "pixels"),
        ["pt"] = new("point", "points"),
        ["ppm"] = new("part per million", "parts per million"),
        ["cal"] = new("calorie", "calories"),
        ["kcal"] = new("kilocalorie", "kilocalories"),
        ["°K"] = new("kelvin", "kelvin"),
        ["K"] = new("kelvin", "kelvin"),
        ["gal"] = new("gallon", "gallons"),
        ["qt"] = new("quart", "quarts"),
        ["mpg"] = new("mile per gallon", "miles per gallon"),
        ["rpm"] = new("revolution per minute", "revolutions per minute"),
        ["bpm"] = new("beat per minute", "beats per minute"),
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
        ["mL"] = new($"millilit{ending}", $"millilit{ending}s"),
        ["l"] = new($"lit{ending}", $"lit{ending}s"),
        ["L"] = new($"lit{ending}", $"lit{ending}s"),
        ["cl"] = new($"centilit{ending}", $"centilit{ending}s"),
        ["dl"] = new($"decilit{ending}", $"decilit{ending}s"),
        ["kph"] = new($"kilomet{ending} per hour", $"kilomet{ending}s per hour"),
        ["km²"] = new($"square kilomet{ending}", $"square kilomet{ending}s"),
        ["m²"] = new($"square met{ending}", $"square met{ending}s"),
        ["m/s"] = new($"met{ending} per second", $"met{ending}s per second"),
        ["µm"] = new($"micromet{ending}", $"micromet{ending}s"),
        ["nm"] = new($"nanomet{ending}", $"nanomet{ending}s"),
    };
}
