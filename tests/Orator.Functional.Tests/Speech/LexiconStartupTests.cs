using Orator.Server.Hosting;

namespace Orator.Functional.Tests.Speech;

/// <summary>A lexicon the server cannot use stops startup with a message that says why.</summary>
public sealed class LexiconStartupTests
{
    [Fact]
    public async Task A_missing_lexicon_file_stops_startup_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"orator-no-such-lexicon-{Guid.NewGuid():N}.txt");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => OratorServer.StartAsync(["--urls=http://127.0.0.1:0", $"--Orator:LexiconPath={path}"]));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_lexicon_line_stops_startup_naming_the_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"orator-bad-lexicon-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "good = fine\nthis line has no equals sign\n");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => OratorServer.StartAsync(["--urls=http://127.0.0.1:0", $"--Orator:LexiconPath={path}"]));
            Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
