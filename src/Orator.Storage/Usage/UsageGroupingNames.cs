namespace Orator.Storage.Usage;

/// <summary>
/// The names of <see cref="UsageGrouping"/> as callers write them (<c>orator usage --by</c>,
/// <c>GET /admin/usage?by=</c>): one table, so the CLI, the admin API and their messages agree.
/// </summary>
public static class UsageGroupingNames
{
    private static readonly (string Name, UsageGrouping Grouping)[] Table =
    [
        ("key", UsageGrouping.Key),
        ("model", UsageGrouping.Model),
        ("day", UsageGrouping.Day),
        ("backend", UsageGrouping.Backend),
    ];

    /// <summary>Every name, in the order help text lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Table.Select(t => t.Name)];

    /// <summary>The names for a message: <c>key, model, day or backend</c>.</summary>
    public static string Listed { get; } = string.Join(", ", All.Take(All.Count - 1)) + " or " + All[^1];

    /// <summary>The grouping named <paramref name="name"/> (exact, lower case).</summary>
    public static bool TryParse(string? name, out UsageGrouping grouping)
    {
        foreach (var (n, g) in Table)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                grouping = g;
                return true;
            }
        }

        grouping = default;
        return false;
    }

    /// <summary>The name of <paramref name="grouping"/>.</summary>
    public static string NameOf(UsageGrouping grouping) =>
        Array.Find(Table, t => t.Grouping == grouping).Name
        ?? throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown usage grouping.");
}
