using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Orator.Server.Hosting;
using Orator.Testing.Cli;

namespace Orator.Functional.Tests.Gateway;

/// <summary>
/// A real <c>orator serve</c> process on a loopback port, in a folder of its own (its SQLite file,
/// an empty model store), with every line it writes kept: tests read its logs, send it SIGHUP and
/// compare what it serves with what a gateway relays from it.
/// </summary>
public sealed class OratorServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OratorServeProcess(Process process, string root)
    {
        _process = process;
        Root = root;
    }

    /// <summary>The process's own folder (removed when it is disposed).</summary>
    public string Root { get; }

    /// <summary>Where it listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every line written to standard output and standard error so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>orator serve</c> with <paramref name="args"/> (after a loopback port and one worker)
    /// and <paramref name="environment"/>, and waits until it listens.
    /// </summary>
    public static async Task<OratorServeProcess> StartAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = Directory.CreateTempSubdirectory("orator-serve-").FullName;
        var info = OratorProcess.StartInfo(["serve", "--urls", "http://127.0.0.1:0", "--workers", "1", .. args]);
        // Never the user's key database or model store: these would change what it serves.
        info.Environment["Orator__Storage__ConnectionString"] = Path.Combine(root, "orator.db");
        info.Environment[OratorConfiguration.ModelsPathVariable] = Directory.CreateDirectory(Path.Combine(root, "models")).FullName;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var server = new OratorServeProcess(process, root);
        process.OutputDataReceived += (_, e) => server.Take(e.Data, standardOutput: true);
        process.ErrorDataReceived += (_, e) => server.Take(e.Data, standardOutput: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await server._listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            server.BaseAddress = new Uri(url.TrimEnd('/') + "/");
            return server;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            var output = string.Join('\n', server.Lines);
            await server.DisposeAsync();
            throw new InvalidOperationException($"orator serve did not start listening ({ex.Message}):\n{output}", ex);
        }
    }

    /// <summary>An HttpClient for the process, presenting <paramref name="apiKey"/> when given.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>Sends the process SIGHUP with <c>kill -HUP</c> (only this process; the test host is never signalled).</summary>
    public async Task HangUpAsync()
    {
        using var kill = Process.Start("kill", ["-HUP", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for a line after the first <paramref name="skip"/> that contains every one of <paramref name="parts"/>; null when none came.</summary>
    public async Task<string?> WaitForLineAsync(int skip, TimeSpan timeout, params string[] parts)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Lines.Skip(skip).FirstOrDefault(l => parts.All(p => l.Contains(p, StringComparison.Ordinal)));
            if (found is not null || DateTime.UtcNow >= deadline)
            {
                return found;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A worker of a killed process may still hold a file; the temp folder is cleaned eventually.
        }
    }

    private void Take(string? line, bool standardOutput)
    {
        if (line is null)
        {
            if (standardOutput)
            {
                _listening.TrySetException(new InvalidOperationException("it exited"));
            }

            return;
        }

        _lines.Enqueue(line);
        if (standardOutput && line.StartsWith(OratorProcess.ListeningMarker, StringComparison.Ordinal))
        {
            _listening.TrySetResult(line[OratorProcess.ListeningMarker.Length..].Trim());
        }
    }
}
