namespace Orator.Functional.Tests.Gateway;

/// <summary>Where a gateway keeps its keys, rate counters and usage.</summary>
public enum GatewayDatabase
{
    /// <summary>A SQLite file of its own.</summary>
    Sqlite,

    /// <summary>A new database on the test run's PostgreSQL cluster.</summary>
    Postgres,
}
