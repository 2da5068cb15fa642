using Orator.Models.Catalog;
using Orator.Models.Download;
using Orator.Models.Store;
using Orator.Models.Tests.Support;

namespace Orator.Models.Tests.Store;

public sealed class ModelVerifierTests : IAsyncLifetime
{
    private readonly TempStore _store = new();
    private readonly HttpClient _http = new();
    private FixtureServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task A_file_changed_after_install_fails_verification_and_an_untouched_one_passes()
    {
        var onnx = Fixtures.Bytes(50_000, seed: 40);
        new PiperMirror(_server).Add("en_US-test-medium", onnx, [1, 2, 3]);
        var model = await new ModelCatalog(ModelSources.FromMirror(_server.BaseUri), _http).ResolveAsync("piper:en_US-test-medium", CancellationToken.None);
        await new ModelInstaller(_store.Layout, new ModelDownloader(_http)).PullAsync(model, null, false, null, CancellationToken.None);
        await using (var file = new FileStream(_store.Layout.PiperModelPath("en_US-test-medium"), FileMode.Open, FileAccess.Write))
        {
            file.Position = 100;
            file.WriteByte((byte)(onnx[100] ^ 1));
        }

        var outcomes = await new ModelVerifier(_store.Layout).VerifyAsync(["piper/en_US-test-medium.onnx.json", "piper/en_US-test-medium.onnx"], CancellationToken.None);

        Assert.True(outcomes[0].Ok);
        Assert.False(outcomes[1].Ok);
        Assert.Contains($"recorded {Fixtures.Sha256(onnx)}", outcomes[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_not_installed_by_pull_is_reported_as_unrecorded_and_a_missing_one_as_missing()
    {
        Directory.CreateDirectory(_store.Layout.PiperDirectory);
        await File.WriteAllBytesAsync(_store.Layout.PiperModelPath("en_US-x-low"), [1]);

        var outcomes = await new ModelVerifier(_store.Layout).VerifyAsync(["piper/en_US-x-low.onnx", "piper/en_US-x-low.onnx.json"], CancellationToken.None);

        Assert.False(outcomes[0].Ok);
        Assert.Contains("no recorded sha256", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.Equal("missing", outcomes[1].Detail);
    }
}
