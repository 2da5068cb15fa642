using System.Diagnostics;
using Orator.Testing.Cli;

namespace Orator.Storage.Tests.Infrastructure;

/// <summary>
/// The real <c>orator</c> CLI in a folder of its own: its working directory (for <c>orator.json</c>),
/// its <c>XDG_DATA_HOME</c> (so the default SQLite file and model store land here, never in the user's
/// data) and, when asked, an engine worker that leaves a mark when it starts.
/// </summary>
public sealed class IsolatedCli : IDisposable
{
    private readonly string _workerMark;

    public IsolatedCli()
    {
        Root = Directory.CreateTempSubdirectory("orator-cli-").FullName;
        WorkingDirectory = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
        DataHome = Directory.CreateDirectory(Path.Combine(Root, "data")).FullName;
        _workerMark = Path.Combine(Root, "worker-started");
        Environment["XDG_DATA_HOME"] = DataHome;
    }

    public string Root { get; }

    public string WorkingDirectory { get; }

    public string DataHome { get; }

    /// <summary>Variables set for every run (on top of the inherited ones, Orator settings removed).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The SQLite file a server or key command creates by default.</summary>
    public string DefaultDatabase => Path.Combine(DataHome, "orator", "orator.db");

    /// <summary>True once an engine worker started through <see cref="WatchWorkers"/> ran.</summary>
    public bool WorkerStarted => File.Exists(_workerMark);

    /// <summary>Runs the managed engine worker through a script that first leaves a mark (<c>ORATOR_WORKER_PATH</c>).</summary>
    public void WatchWorkers()
    {
        var workerDll = Path.Combine(Path.GetDirectoryName(OratorProcess.OratorDll)!, "Orator.Worker.dll");
        var script = Path.Combine(Root, "worker.sh");
        File.WriteAllText(script, $"#!/bin/sh\ntouch '{_workerMark}'\nexec dotnet '{workerDll}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Environment["ORATOR_WORKER_PATH"] = script;
    }

    /// <summary>Writes a file under the root (e.g. <c>work/orator.json</c>) and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public ProcessStartInfo StartInfo(params string[] args)
    {
        var info = OratorProcess.StartInfo(args);
        info.WorkingDirectory = WorkingDirectory;
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Runs <c>orator args...</c> to its end.</summary>
    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>orator serve</c> on a loopback port with one worker, returns the startup line starting with <paramref name="prefix"/>, and stops it.</summary>
    public async Task<string> ServeAndReadAsync(string prefix, params string[] args)
    {
        using var server = Process.Start(StartInfo(["serve", "--urls", "http://127.0.0.1:0", "--workers", "1", "--Logging:LogLevel:Default=Warning", .. args]))!;
        try
        {
            return await OratorProcess.StartupLineAsync(server, prefix);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process of a failed test still holds a file; the temp folder is cleaned eventually.
        }
    }
}
