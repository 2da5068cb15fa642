using System.Diagnostics;
using Orator.Testing.Cli;

namespace Orator.Functional.Tests.Cli;

/// <summary>What one <c>orator</c> process did: its exit status, the bytes of its standard output, its standard error.</summary>
public sealed record CliResult(int ExitCode, byte[] Output, string Error)
{
    /// <summary>Standard output as text.</summary>
    public string OutputText => System.Text.Encoding.UTF8.GetString(Output);
}

/// <summary>
/// The real <c>orator</c> executable run in a private working directory with a private
/// <c>XDG_DATA_HOME</c>, so no run reads or writes the user's data, and the test can see every file
/// a command created.
/// </summary>
public sealed class CliSandbox : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orator-cli-" + Guid.NewGuid().ToString("N"));

    public CliSandbox()
    {
        Directory.CreateDirectory(WorkingDirectory);
        Directory.CreateDirectory(DataHome);
    }

    /// <summary>The working directory of every run.</summary>
    public string WorkingDirectory => Path.Combine(_root, "work");

    /// <summary>The runs' <c>XDG_DATA_HOME</c> (where the default SQLite database and model store would go).</summary>
    public string DataHome => Path.Combine(_root, "data");

    /// <summary>A path in the working directory.</summary>
    public string PathOf(string name) => Path.Combine(WorkingDirectory, name);

    /// <summary>Every file under the working directory, relative, sorted.</summary>
    public IReadOnlyList<string> WorkingFiles => Files(WorkingDirectory);

    /// <summary>Every file or folder under <see cref="DataHome"/>.</summary>
    public IReadOnlyList<string> DataHomeEntries =>
        [.. Directory.EnumerateFileSystemEntries(DataHome, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(DataHome, p)).Order(StringComparer.Ordinal)];

    /// <summary>Runs <c>orator args...</c> to its end, feeding <paramref name="standardInput"/> (null = an empty, closed standard input).</summary>
    public Task<CliResult> RunAsync(string[] args, string? standardInput = null, Func<Process, Task>? whileRunning = null) =>
        RunAsync(args, standardInput, whileRunning, TimeSpan.FromMinutes(3));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<CliResult> RunAsync(string[] args, string? standardInput, Func<Process, Task>? whileRunning, TimeSpan timeout)
    {
        var info = OratorProcess.StartInfo(args);
        info.WorkingDirectory = WorkingDirectory;
        info.RedirectStandardInput = true;
        info.StandardInputEncoding = new System.Text.UTF8Encoding(false);
        info.Environment["XDG_DATA_HOME"] = DataHome;
        info.Environment.Remove("ORATOR_API_KEY");
        using var process = Process.Start(info)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        try
        {
            if (whileRunning is not null)
            {
                await whileRunning(process);
            }

            using var limit = new CancellationTokenSource(timeout);
            await Task.WhenAll(copy, error, process.WaitForExitAsync(limit.Token));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return new CliResult(process.ExitCode, output.ToArray(), await error);
    }

    private static List<string> Files(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(directory, p)).Order(StringComparer.Ordinal)];
}
