using System.Globalization;

namespace Orator.Bench;

/// <summary>
/// One target: a measured figure against a limit, a maximum unless <see cref="AtLeast"/> makes it a
/// minimum; <see cref="Measured"/> is null when this run did not measure it.
/// </summary>
public sealed record TargetCheck(string Name, double? Measured, double Limit, string Unit, bool AtLeast = false)
{
    public bool? Met => Measured is { } m ? (AtLeast ? m >= Limit : m <= Limit) : null;

    public string Line() => Measured is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"target {Name}: {m:F3} {Unit} ({(AtLeast ? "at least" : "limit")} {Limit:F2}) {(Met == true ? "PASS" : "FAIL")}")
        : $"target {Name}: not measured in this run";
}
