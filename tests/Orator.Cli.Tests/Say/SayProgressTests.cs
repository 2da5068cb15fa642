using Orator.Cli.Commands.Say;

namespace Orator.Cli.Tests.Say;

public sealed class SayProgressTests
{
    [Fact]
    public async Task On_a_terminal_one_line_is_redrawn_in_place_and_erased_at_the_end()
    {
        var error = new StringWriter();
        var done = 0L;

        await using (SayProgress.Start(error, terminal: true, quiet: false, total: 1_000, () => new ProgressSnapshot(Interlocked.Add(ref done, 50), 12)))
        {
            await Task.Delay(SayProgress.TerminalAfter + (SayProgress.Tick * 4));
        }

        var text = error.ToString();
        Assert.StartsWith("\rorator say: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        Assert.Contains("characters, 0:12 of audio", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[2K", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_shows_nothing_and_a_render_shorter_than_the_first_plain_line_prints_none()
    {
        var quiet = new StringWriter();
        var plain = new StringWriter();
        var quietProgress = SayProgress.Start(quiet, terminal: true, quiet: true, total: 10, () => new ProgressSnapshot(5, 1));
        var plainProgress = SayProgress.Start(plain, terminal: false, quiet: false, total: 10, () => new ProgressSnapshot(5, 1));

        await Task.Delay(SayProgress.TerminalAfter + (SayProgress.Tick * 2));
        await quietProgress.CompleteAsync();
        await plainProgress.CompleteAsync();
        await quietProgress.DisposeAsync();
        await plainProgress.DisposeAsync();

        Assert.Equal("", quiet.ToString());
        Assert.Equal("", plain.ToString());
    }
}
