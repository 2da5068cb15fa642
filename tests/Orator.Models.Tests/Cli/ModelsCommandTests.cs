using System.Diagnostics;
using Orator.Models.Tests.Support;

namespace Orator.Models.Tests.Cli;

public sealed class ModelsCommandTests : IAsyncLifetime
{
    private readonly TempStore _store = new();
    private FixtureServer _server = null!;
    private PiperMirror _piper = null!;

    public async Task InitializeAsync()
    {
        _server = await FixtureServer.StartAsync();
        _piper = new PiperMirror(_server);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _store.Dispose();
    }

    private Task<CliRun> Models(params string[] args) =>
        CliRun.InvokeAsync(["models", .. args, "--models-path", _store.Root, "--mirror", _server.BaseUri.AbsoluteUri]);

    [Fact]
    public async Task Pull_list_verify_and_remove_a_piper_voice_through_the_cli()
    {
        var onnx = Fixtures.Bytes(400_000, seed: 50);
        _piper.Add("en_US-test-medium", onnx, "{}"u8.ToArray());

        var pull = await Models("pull", "piper:en_US-test-medium");
        var installed = await File.ReadAllBytesAsync(_store.Layout.PiperModelPath("en_US-test-medium"));
        var list = await Models("list");
        var verify = await Models("verify");
        var remove = await Models("remove", "piper:en_US-test-medium");
        var after = await Models("list");

        Assert.Equal((0, string.Empty), (pull.ExitCode, pull.Error));
        Assert.Contains("en_US-test-medium.onnx: downloading 390.6 KiB", pull.Output, StringComparison.Ordinal);
        Assert.Contains("en_US-test-medium.onnx: done, 390.6 KiB", pull.Output, StringComparison.Ordinal);
        Assert.Contains($"piper/en_US-test-medium.onnx: downloaded; verified: md5+size (voices.json); sha256 recorded; sha256 {Fixtures.Sha256(onnx)}", pull.Output, StringComparison.Ordinal);
        Assert.Contains("piper:en_US-test-medium is installed.", pull.Output, StringComparison.Ordinal);
        Assert.Equal(onnx, installed);

        Assert.Equal(0, list.ExitCode);
        Assert.Contains($"Model store: {_store.Root}", list.Output, StringComparison.Ordinal);
        Assert.Matches(@"piper:en_US-test-medium\s+390\.6 KiB\s+ready\s+" + System.Text.RegularExpressions.Regex.Escape(_store.Layout.PiperModelPath("en_US-test-medium")), list.Output);
        Assert.Contains($"Sources: kokoro {_server.BaseUri}kokoro/", list.Output, StringComparison.Ordinal);

        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("ok  piper/en_US-test-medium.onnx: sha256 " + Fixtures.Sha256(onnx), verify.Output, StringComparison.Ordinal);

        Assert.Equal(0, remove.ExitCode);
        Assert.Contains("piper:en_US-test-medium removed.", remove.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_store.Layout.PiperModelPath("en_US-test-medium")));
        Assert.Contains("INSTALLED\n  (none)", after.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupted_pull_exits_with_a_network_error_and_the_same_pull_resumes_it()
    {
        var onnx = Fixtures.Bytes(900_000, seed: 51);
        _piper.Add("en_US-test-medium", onnx, [1], new FixtureBehavior { DropAfterBytesOnce = 500_000, ClientHolds = Fixtures.PartHolds(_store.Layout.PiperModelPath("en_US-test-medium"), 500_000) });

        var first = await Models("pull", "piper:en_US-test-medium");
        var list = await Models("list");
        var second = await Models("pull", "piper:en_US-test-medium");

        Assert.Equal(4, first.ExitCode);
        Assert.Contains("run the same pull again to resume", first.Error, StringComparison.Ordinal);
        Assert.Contains("(partial download)", list.Output, StringComparison.Ordinal);
        Assert.Contains("resumable", list.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Matches(@"piper/en_US-test-medium\.onnx: downloaded \(resumed at [0-9.]+ KiB\)", second.Output);
        Assert.Equal(onnx, await File.ReadAllBytesAsync(_store.Layout.PiperModelPath("en_US-test-medium")));
    }

    [Fact]
    public async Task Pulling_kokoro_from_a_mirror_with_other_bytes_exits_5_and_installs_nothing()
    {
        _server.Serve("kokoro/voices-v1.0.bin", Fixtures.Bytes(28_214_398, seed: 52));

        var run = await Models("pull", "kokoro-int8");

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("voices-v1.0.bin from " + _server.BaseUri + "kokoro/voices-v1.0.bin failed verification", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was installed", run.Error, StringComparison.Ordinal);
        Assert.Empty(_store.Files());
    }

    [Fact]
    public async Task A_file_missing_on_the_server_exits_3_naming_the_url()
    {
        var (_, modelPath) = _piper.Add("en_US-test-medium", [1, 2], [3]);
        _server.Forget(modelPath);

        var run = await Models("pull", "piper:en_US-test-medium");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"was not found at {_server.BaseUri}{modelPath} (HTTP 404)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("piper/en_US-test-medium.onnx", _store.Files());
    }

    [Theory]
    [InlineData(new[] { "pull", "whisper" }, "Unknown model 'whisper'")]
    [InlineData(new[] { "pull", "kokoro", "--sha256", "xyz" }, "--sha256 must be 64 hexadecimal characters")]
    [InlineData(new[] { "remove", "kokoro" }, "'kokoro' is not installed")]
    [InlineData(new[] { "verify" }, "nothing is installed")]
    public async Task Mistakes_exit_2_with_a_message(string[] args, string message)
    {
        var run = await Models(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_cli_reads_the_store_and_mirror_from_the_environment()
    {
        // The dotnet test host names the muxer that runs it; fall back to PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _store.Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "orator.dll"));
        start.ArgumentList.Add("models");
        start.ArgumentList.Add("list");
        start.Environment["ORATOR_MODELS_PATH"] = _store.Root;
        start.Environment["ORATOR_MODELS_MIRROR"] = "http://127.0.0.1:9/mirror";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains($"Model store: {_store.Root}", output, StringComparison.Ordinal);
        Assert.Contains("Sources: kokoro http://127.0.0.1:9/mirror/kokoro/  piper http://127.0.0.1:9/mirror/piper/", output, StringComparison.Ordinal);
        Assert.Matches(@"kokoro\s+337\.4 MiB", output);
    }
}
