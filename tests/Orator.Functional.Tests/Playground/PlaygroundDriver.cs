using System.Diagnostics;
using System.Text.Json;

namespace Orator.Functional.Tests.Playground;

/// <summary>
/// Runs the Node scripts in tests/playground: the Playwright driver of the page in headless
/// Debian Chromium, the snippet generator and the word-highlighting functions. npm packages are installed by scripts/test.sh.
/// </summary>
internal static class PlaygroundDriver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>tests/playground in the repository.</summary>
    public static string ScriptDirectory { get; } = FindScriptDirectory();

    /// <summary>Where screenshots and downloads go: artifacts/playground (ignored by git).</summary>
    public static string ArtifactsDirectory { get; } =
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ScriptDirectory))!, "artifacts", "playground");

    /// <summary>
    /// Runs one case of playground.mjs against <paramref name="baseAddress"/> and answers what it
    /// observed, after asserting that the case completed and the page logged no script error.
    /// </summary>
    public static async Task<JsonElement> RunCaseAsync(Uri baseAddress, string caseName, params string[] args)
    {
        Assert.True(Directory.Exists(Path.Combine(ScriptDirectory, "node_modules", "playwright-core")), "run `npm ci` in tests/playground (scripts/test.sh does)");
        var result = await RunNodeAsync("playground.mjs", null, [baseAddress.ToString(), caseName, ArtifactsDirectory, .. args]);
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Empty(result.GetProperty("problems").EnumerateArray());
        return result;
    }

    /// <summary>The page's snippets for each settings object in <paramref name="settings"/>.</summary>
    public static async Task<JsonElement> SnippetsAsync(IEnumerable<object> settings) =>
        await RunNodeAsync("snippets.mjs", JsonSerializer.Serialize(settings), []);

    /// <summary>The pieces and positions words.js computes for each case in <paramref name="cases"/> (see words.mjs).</summary>
    public static async Task<JsonElement> WordsAsync(IEnumerable<object> cases) =>
        await RunNodeAsync("words.mjs", JsonSerializer.Serialize(cases), []);

    private static async Task<JsonElement> RunNodeAsync(string script, string? stdin, string[] args)
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = ScriptDirectory,
        };
        info.ArgumentList.Add(Path.Combine(ScriptDirectory, script));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} ran longer than {Timeout}: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"node {script} failed: {await stderr}");
        using var json = JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]);
        return json.RootElement.Clone();
    }

    private static string FindScriptDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "playground");
            if (File.Exists(Path.Combine(candidate, "playground.mjs")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/playground not found above " + AppContext.BaseDirectory);
    }
}
