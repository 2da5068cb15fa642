using System.Globalization;

namespace Orator.Bench;

/// <summary>One target: a measured figure against a limit; <see cref="Measured"/> is null when this run did not measure it.</summary>
public sealed record TargetCheck(string Name, double? Measured, double Limit, string Unit)
{
    public bool? Met => Measured is { } m ? m <= Limit : null;

    public string Line() => Measured is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"target {Name}: {m:F3} {Unit} (limit {Limit:F2}) {(Met == true ? "PASS" : "FAIL")}")
        : $"target {Name}: not measured in this run";
}
