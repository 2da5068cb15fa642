namespace Orator.Storage;

/// <summary>Where keys, usage and rate counters live; bound from <c>Orator:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name (below <c>Orator</c>).</summary>
    public const string SectionName = "Orator:Storage";

    /// <summary>The embedded default.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A PostgreSQL server shared by several instances.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// <see cref="Sqlite"/> or <see cref="Postgres"/> as <see cref="Provider"/> names it (case and
    /// surrounding spaces ignored, <c>postgresql</c> accepted); null when it names neither.
    /// </summary>
    public string? ResolvedProvider => Provider?.Trim().ToUpperInvariant() switch
    {
        "SQLITE" => Sqlite,
        "POSTGRES" or "POSTGRESQL" => Postgres,
        _ => null,
    };

    /// <summary>
    /// ADO.NET connection string. For SQLite, empty means <see cref="DefaultSqlitePath"/>; a bare
    /// path is accepted too. Required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a verified key (with its revocation, expiry and limits) is trusted before it is read again.</summary>
    public double KeyCacheSeconds { get; set; } = 2;

    /// <summary>Longest time a usage record waits in memory before it is written.</summary>
    public int UsageFlushMilliseconds { get; set; } = 1000;

    /// <summary>Most usage records written in one transaction.</summary>
    public int UsageBatchSize { get; set; } = 500;

    /// <summary>Usage records that may wait in memory; when full, requests wait for the writer rather than drop records.</summary>
    public int UsageQueueCapacity { get; set; } = 50_000;

    /// <summary>
    /// The per-user SQLite file: <c>$XDG_DATA_HOME/orator/orator.db</c>, else
    /// <c>~/.local/share/orator/orator.db</c>.
    /// </summary>
    public static string DefaultSqlitePath()
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(dataHome, "orator", "orator.db");
    }
}
