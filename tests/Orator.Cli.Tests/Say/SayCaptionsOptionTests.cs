using System.CommandLine;
using Orator.Cli.Commands.Say;

namespace Orator.Cli.Tests.Say;

/// <summary>
/// <c>orator say --captions FILE</c> refused before anything renders: the format comes from the
/// extension, and the captions come from this process's own render (not with <c>--server</c>, not
/// with <c>--split chapters</c>). Run in process: a refusal starts no engine. The captions files
/// themselves are tested on the real process in Orator.Functional.Tests (Cli/SayCaptionsTests).
/// </summary>
public sealed class SayCaptionsOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orator-say-captions-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("talk.txt")]
    [InlineData("talk.ass")]
    [InlineData("talk.sub")]
    [InlineData("talk")]
    [InlineData("talk.vtt.bak")]
    public async Task A_captions_file_whose_extension_names_no_format_is_refused_with_exit_2(string name)
    {
        var captions = Path.Combine(_folder, name);

        var run = await SayAsync("Hello.", "-o", Path.Combine(_folder, "talk.mp3"), "--captions", captions);

        Assert.Equal(SayExit.Refused, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"orator say: --captions {captions}: the file must end in .srt, .vtt or .json (that names the format).\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Captions_with_a_server_are_refused_and_the_server_s_endpoint_named()
    {
        // Refused before any connection: nothing listens on port 9 (discard).
        var run = await SayAsync("Hello.", "-o", Path.Combine(_folder, "talk.mp3"), "--captions", Path.Combine(_folder, "talk.vtt"), "--server", "http://127.0.0.1:9");

        Assert.Equal(SayExit.Refused, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("--captions renders in this process: leave out --server", run.Error, StringComparison.Ordinal);
        Assert.Contains("/v1/audio/captions", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Captions_with_split_chapters_are_refused()
    {
        var run = await SayAsync("# One\n\nHello.\n\n# Two\n\nAgain.", "-o", Path.Combine(_folder, "book.mp3"), "--captions", Path.Combine(_folder, "book.srt"), "--split", "chapters");

        Assert.Equal(SayExit.Refused, run.ExitCode);
        Assert.Contains("--captions writes one captions file for one audio file: leave out --split chapters.", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("TALK.SRT")]
    [InlineData("talk.Vtt")]
    public async Task The_extension_is_matched_without_regard_to_case(string name)
    {
        // A known extension passes the captions check; --server then refuses it (before any connection).
        var run = await SayAsync("Hello.", "-o", Path.Combine(_folder, "talk.mp3"), "--captions", Path.Combine(_folder, name), "--server", "http://127.0.0.1:9");

        Assert.Equal(SayExit.Refused, run.ExitCode);
        Assert.DoesNotContain("the file must end in", run.Error, StringComparison.Ordinal);
        Assert.Contains("leave out --server", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> SayAsync(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(SayCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(["say", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
