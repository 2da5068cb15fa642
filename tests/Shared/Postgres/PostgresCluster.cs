using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Orator.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: initdb into a temp dir, listening on
/// 127.0.0.1 at a free port with its socket in the temp dir, removed when the test process
/// exits. PostgreSQL refuses to run as root, so under root (CI) the binaries run as the
/// <c>postgres</c> user the Debian package creates, via <c>runuser</c>, in a dir that user owns.
/// </summary>
public sealed class PostgresCluster
{
    // Debian installs each major version under /usr/lib/postgresql/N/bin; take the newest.
    private static readonly string BinDirectory = FindBinDirectory();
    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(StartAsync);
    private readonly string _root;
    private readonly int _port;
    private int _databases;

    private PostgresCluster(string root, int port)
    {
        _root = root;
        _port = port;
    }

    /// <summary>The cluster for this test run, started on first use.</summary>
    public static Task<PostgresCluster> SharedAsync() => SharedCluster.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"orator_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection); // name built from digits only
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database, Pooling = true, MaxPoolSize = 60, Timeout = 30, CommandTimeout = 60 }.ToString();

    private static async Task<PostgresCluster> StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL binaries not found in {BinDirectory}: run scripts/install-deps.sh --test (Debian package postgresql).");
        }

        var root = Path.Combine(Path.GetTempPath(), $"orator-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");
        var port = FreePort();
        var asRoot = Environment.UserName == "root" || GetUid() == 0;
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], asRoot);
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "log"), "-o", options, "-w", "-t", "60", "start"], asRoot);
        var cluster = new PostgresCluster(root, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(asRoot, data);
        StartWatchdog(root, data, asRoot);
        return cluster;
    }

    /// <summary>
    /// The test host is not always allowed a clean exit (the runner may kill it), so a detached
    /// shell waits for this process to end and then stops the cluster and deletes its files.
    /// </summary>
    private static void StartWatchdog(string root, string data, bool asRoot)
    {
        var stop = (asRoot ? "runuser -u postgres -- " : "") + $"{BinDirectory}/pg_ctl -D '{data}' -m immediate -w stop";
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{root}'";
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var a in new[] { "bash", "-c", script })
        {
            info.ArgumentList.Add(a);
        }

        Process.Start(info)?.Dispose();
    }

    private void Stop(bool asRoot, string data)
    {
        try
        {
            RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot).GetAwaiter().GetResult();
        }
        finally
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }

    private static string FindBinDirectory()
    {
        const string Root = "/usr/lib/postgresql";
        var newest = Directory.Exists(Root)
            ? Directory.GetDirectories(Root).Where(d => int.TryParse(Path.GetFileName(d), out _)).OrderByDescending(d => int.Parse(Path.GetFileName(d))).FirstOrDefault()
            : null;
        return Path.Combine(newest ?? Path.Combine(Root, "15"), "bin");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static uint GetUid() => uint.TryParse(File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:"))?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], out var uid) ? uid : uint.MaxValue;

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var info = asPostgres ? new ProcessStartInfo("runuser") : new ProcessStartInfo(file);
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
