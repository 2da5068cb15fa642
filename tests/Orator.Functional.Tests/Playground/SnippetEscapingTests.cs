using System.Diagnostics;
using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Playground;

/// <summary>
/// The "copy as code" snippets carry any text exactly: each is read back by the real tool of its
/// language (bash, python3's parser, node, Roslyn) and must yield the text the user typed.
/// </summary>
[Collection(OpenServerCollection.Name)]
public sealed class SnippetEscapingTests(OpenServerFixture server)
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["quotes and shell"] = "It's \"quoted\", 'single' and `backticks`: $HOME, $(echo hi), ${PATH} and !! \\ backslash.",
        ["line breaks"] = "Line one.\nLine two.\r\n\tTabbed; form\ffeed and bell\u0007.",
        ["unicode"] = "Café, naïve, 日本語, Ω and an emoji 😀 (outside the BMP).",
        ["separators"] = "Line\u2028separator, paragraph\u2029separator, next\u0085line and delete\u007f.",
        ["format strings"] = "Braces {0} {{x}} #{ruby} %s %d \\N{DASH} \\u0041 \\x41 f\"{x}\" $\"{y}\".",
        ["triple quotes"] = "\"\"\"triple\"\"\" and ''' and a trailing backslash \\",
    };

    public static TheoryData<string> TextNames => [.. Texts.Keys];

    [Theory]
    [MemberData(nameof(TextNames))]
    public async Task The_curl_snippet_sends_exactly_the_text(string name)
    {
        var snippet = await SnippetAsync(Texts[name], "curl");

        // A stand-in curl prints the -d argument as bash passes it: the body the real curl would send.
        var (stdout, stderr, code) = await RunAsync("bash", ["-c", "curl() { while [ $# -gt 0 ]; do [ \"$1\" = -d ] && printf '%s' \"$2\"; shift; done; }\n" + snippet]);
        Assert.True(code == 0, stderr);
        using var body = JsonDocument.Parse(stdout);
        Assert.Equal(Texts[name], body.RootElement.GetProperty("input").GetString());
        Assert.Equal("fable", body.RootElement.GetProperty("voice").GetString());
    }

    [Theory]
    [MemberData(nameof(TextNames))]
    public async Task The_python_snippet_parses_and_its_input_is_exactly_the_text(string name)
    {
        var snippet = await SnippetAsync(Texts[name], "python");

        // Python's own parser reads the whole program; the input= keyword's literal is evaluated.
        const string Reader = """
            import ast, json, sys
            tree = ast.parse(sys.stdin.read())
            call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and any(k.arg == "input" for k in n.keywords))
            value = ast.literal_eval(next(k.value for k in call.keywords if k.arg == "input"))
            sys.stdout.write(json.dumps(value))
            """;
        var (stdout, stderr, code) = await RunAsync("python3", ["-c", Reader], snippet);
        Assert.True(code == 0, stderr);
        Assert.Equal(Texts[name], JsonSerializer.Deserialize<string>(stdout));
    }

    [Theory]
    [MemberData(nameof(TextNames))]
    public async Task The_javascript_snippet_runs_and_passes_exactly_the_text(string name)
    {
        var snippet = await SnippetAsync(Texts[name], "javascript");

        // The snippet runs in node as written, with the openai import swapped for a client that
        // prints the request it is given.
        const string Import = "import OpenAI from \"openai\";";
        Assert.Contains(Import, snippet);
        const string Recorder = "class OpenAI { constructor() { this.audio = { speech: { create: async (r) => { process.stdout.write(JSON.stringify(r)); process.exit(0); } } }; } }";
        var file = Path.Combine(Path.GetTempPath(), $"orator-snippet-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(file, snippet.Replace(Import, Recorder, StringComparison.Ordinal));
        try
        {
            var (stdout, stderr, code) = await RunAsync("node", [file]);
            Assert.True(code == 0, stderr);
            using var request = JsonDocument.Parse(stdout);
            Assert.Equal(Texts[name], request.RootElement.GetProperty("input").GetString());
            Assert.Equal("opus", request.RootElement.GetProperty("response_format").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(TextNames))]
    public async Task The_csharp_snippet_compiles_and_its_input_is_exactly_the_text(string name)
    {
        var snippet = await SnippetAsync(Texts[name], "csharp");

        Assert.Empty(CSharpSnippetCheck.Diagnostics(snippet));
        Assert.Equal(Texts[name], CSharpSnippetCheck.SpokenText(snippet));
    }

    [Fact]
    public async Task The_curl_snippet_run_as_is_saves_decodable_audio()
    {
        var snippet = await SnippetAsync(Texts["quotes and shell"], "curl");
        var directory = Directory.CreateTempSubdirectory("orator-curl-");
        try
        {
            var (_, stderr, code) = await RunAsync("bash", ["-c", "set -e; " + snippet.Replace("curl ", "curl -sS --fail-with-body ", StringComparison.Ordinal)], workingDirectory: directory.FullName);
            Assert.True(code == 0, stderr);
            var audio = await AudioProbe.ProbeAsync(await File.ReadAllBytesAsync(Path.Combine(directory.FullName, "speech.opus")));
            Assert.Equal("opus", audio.Codec);
            Assert.True(audio.DecodedSeconds > 1.0);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private async Task<string> SnippetAsync(string text, string language)
    {
        var snippets = await PlaygroundDriver.SnippetsAsync(
            [new SnippetSettings(server.BaseAddress + "v1", "tts-1", "fable", text, "calmly", "opus", 1.25, true)]);
        return snippets[0].GetProperty(language).GetString()!;
    }

    private static async Task<(string Stdout, string Stderr, int Code)> RunAsync(string file, string[] args, string? stdin = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("ORATOR_API_KEY");
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (await stdout, await stderr, process.ExitCode);
    }
}
