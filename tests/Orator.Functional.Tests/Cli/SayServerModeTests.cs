using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Cli;

/// <summary><c>orator say --server URL</c>: the same command through the HTTP API of a running server.</summary>
[Collection(KeyedServerCollection.Name)]
public sealed class SayServerModeTests(KeyedServerFixture server) : IDisposable
{
    private readonly CliSandbox _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Url => server.BaseAddress.AbsoluteUri;

    [Fact]
    public async Task Say_with_server_and_key_writes_the_servers_audio()
    {
        var run = await _cli.RunAsync(["say", "Spoken by the server.", "-o", "remote.mp3", "--server", Url, "--api-key", KeyedServerFixture.Key]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"^Wrote remote\.mp3 \(\d+ bytes\)", run.OutputText);
        var audio = await AudioProbe.ProbeAsync(await File.ReadAllBytesAsync(_cli.PathOf("remote.mp3")));
        Assert.Equal("mp3", audio.Codec);
        Assert.InRange(audio.DecodedSeconds, 0.8, 5);
        Assert.Empty(_cli.DataHomeEntries);
    }

    [Fact]
    public async Task The_servers_refusals_exit_2_with_its_message_and_leave_no_file()
    {
        var noKey = await _cli.RunAsync(["say", "Hello.", "-o", "never.wav", "--server", Url]);
        var badVoice = await _cli.RunAsync(["say", "Hello.", "-v", "nobody", "-o", "never.wav", "--server", Url, "--api-key", KeyedServerFixture.Key]);
        var tooLong = await _cli.RunAsync(["say", new string('a', 4097), "-o", "never.wav", "--server", Url, "--api-key", KeyedServerFixture.Key]);

        Assert.Equal(2, noKey.ExitCode);
        Assert.StartsWith("orator say: 401: You didn't provide an API key.", noKey.Error, StringComparison.Ordinal);
        Assert.Equal(2, badVoice.ExitCode);
        Assert.StartsWith("orator say: 400: The voice 'nobody' is not available", badVoice.Error, StringComparison.Ordinal);
        Assert.Equal(2, tooLong.ExitCode);
        Assert.StartsWith("orator say: 400: ", tooLong.Error, StringComparison.Ordinal);
        Assert.Empty(_cli.WorkingFiles);
    }
}
