using System.Diagnostics;
using Orator.Testing.Cli;

namespace Orator.Bench;

/// <summary>
/// A real <c>orator serve</c> process (the CLI of the bench's own build configuration) on a free
/// loopback port, with its data (SQLite database, model store) in a folder of its own, so
/// it reads nothing of the user's and finds no neural models: <c>tts-1</c> is Flite there.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    /// <summary>The server's process id (the engine workers are its children).</summary>
    public int Id => _process.Id;

    /// <summary>Starts <c>orator serve</c> with <paramref name="workers"/> engine workers and the given extra settings; returns once it listens.</summary>
    public static async Task<ServeProcess> StartAsync(string name, string dataFolder, int workers, IEnumerable<string> settings)
    {
        var info = OratorProcess.StartInfo(
        [
            "serve", "--urls", "http://127.0.0.1:0", "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default=Warning", $"--Orator:Storage:ConnectionString={Path.Combine(dataFolder, name + ".db")}", .. settings,
        ]);
        info.Environment["XDG_DATA_HOME"] = Path.Combine(dataFolder, name);
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet not found");
        try
        {
            return new ServeProcess(process, (await OratorProcess.ListeningUrlAsync(process)).TrimEnd('/'));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>CPU milliseconds used so far by the server process alone, and by it with its engine workers.</summary>
    public (double Server, double WithWorkers) CpuMs()
    {
        var server = ProcessTree.CpuMs(Id);
        return (server, server + ProcessTree.Children(Id).Sum(ProcessTree.CpuMs));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
