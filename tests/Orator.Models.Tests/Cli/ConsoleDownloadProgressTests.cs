using Orator.Cli.Commands.Models;
using Orator.Models.Download;

namespace Orator.Models.Tests.Cli;

public sealed class ConsoleDownloadProgressTests
{
    [Fact]
    public void On_a_terminal_progress_is_one_line_redrawn_in_place_and_ended_once()
    {
        using var output = new StringWriter();
        var progress = new ConsoleDownloadProgress(output, interactive: true);

        progress.Report(new DownloadProgress("a.onnx", 0, 1000, 0, false));
        progress.Report(new DownloadProgress("a.onnx", 1000, 1000, 0, true));

        var text = output.ToString();
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.StartsWith("\ra.onnx [", text, StringComparison.Ordinal);
        Assert.Contains("[" + new string('#', 30) + "] 100.0% 1000 B/1000 B", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_terminal_progress_is_plain_lines_at_start_every_tenth_and_end()
    {
        using var output = new StringWriter();
        var progress = new ConsoleDownloadProgress(output, interactive: false);

        for (var received = 0; received <= 1_000_000; received += 50_000)
        {
            progress.Report(new DownloadProgress("a.onnx", received, 1_000_000, 0, received == 1_000_000));
        }

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(11, lines.Length);
        Assert.Equal("a.onnx: downloading 976.6 KiB", lines[0]);
        Assert.Equal("a.onnx: 10% (97.7 KiB of 976.6 KiB)", lines[1]);
        Assert.Equal("a.onnx: 90% (878.9 KiB of 976.6 KiB)", lines[9]);
        Assert.StartsWith("a.onnx: done, 976.6 KiB in ", lines[10], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', output.ToString());
    }
}
