using System.Text.RegularExpressions;

namespace Orator.Functional.Tests.Cli;

/// <summary><c>orator voices</c> as a real process: the table, the model filter, and that it starts no server and writes nothing.</summary>
public sealed class VoicesCommandTests : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Voices_prints_the_openai_names_and_the_flite_voices_and_writes_no_file()
    {
        var run = await _cli.RunAsync(["voices"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.OutputText.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^VOICE\s+ENGINE\s+ENGINE VOICE\s+LANGUAGE\s+GENDER\s+MODELS$", lines[0]);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^alloy\s+flite\s+slt\s+en-US\s+female\s+tts-1,"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^rms\s+flite\s+rms\s+en-US\s"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^kal16\s+flite\s+kal16\s"));
        Assert.Empty(_cli.WorkingFiles);
        Assert.Empty(_cli.DataHomeEntries);
    }

    [Fact]
    public async Task The_model_option_keeps_only_that_models_voices()
    {
        var run = await _cli.RunAsync(["voices", "--model", "flite"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var rows = run.OutputText.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("flite", r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Split(','), StringComparer.Ordinal));
        Assert.DoesNotContain(rows, r => r.StartsWith("espeak:", StringComparison.Ordinal));
    }
}
