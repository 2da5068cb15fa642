using Orator.Testing.Postgres;

namespace Orator.Storage.Tests.Infrastructure;

/// <summary>A kind of database the tests run against; each call gives a fresh, empty one.</summary>
public abstract class DatabaseTarget
{
    /// <summary>SQLite in a temp file.</summary>
    public static DatabaseTarget Sqlite { get; } = new SqliteTarget();

    /// <summary>A new database on the run's PostgreSQL cluster.</summary>
    public static DatabaseTarget Postgres { get; } = new PostgresTarget();

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>Storage options for a new empty database.</summary>
    public abstract Task<StorageOptions> NewDatabaseAsync();

    /// <summary>The host arguments that point a server at <paramref name="options"/>.</summary>
    public static string[] ServerArguments(StorageOptions options) =>
        [$"--Orator:Storage:Provider={options.Provider}", $"--Orator:Storage:ConnectionString={options.ConnectionString}"];

    public override string ToString() => Provider;

    private sealed class SqliteTarget : DatabaseTarget
    {
        public override string Provider => StorageOptions.Sqlite;

        private static readonly string Root = CreateRoot();

        public override Task<StorageOptions> NewDatabaseAsync()
        {
            var directory = Path.Combine(Root, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return Task.FromResult(new StorageOptions { Provider = Provider, ConnectionString = Path.Combine(directory, "orator.db") });
        }

        /// <summary>One folder per test process; folders of earlier runs whose process is gone are removed.</summary>
        private static string CreateRoot()
        {
            var parent = Path.Combine(Path.GetTempPath(), "orator-sqlite-tests");
            Directory.CreateDirectory(parent);
            foreach (var old in Directory.GetDirectories(parent))
            {
                if (int.TryParse(Path.GetFileName(old), out var pid) && !Directory.Exists($"/proc/{pid}"))
                {
                    Directory.Delete(old, recursive: true);
                }
            }

            var root = Path.Combine(parent, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                    // Removed by the next run instead.
                }
            };
            return root;
        }
    }

    private sealed class PostgresTarget : DatabaseTarget
    {
        public override string Provider => StorageOptions.Postgres;

        public override async Task<StorageOptions> NewDatabaseAsync()
        {
            var cluster = await PostgresCluster.SharedAsync();
            return new StorageOptions { Provider = Provider, ConnectionString = await cluster.CreateDatabaseAsync() };
        }
    }
}
