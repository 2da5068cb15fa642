using System.Text.Json;
using Orator.Models.Catalog;
using Orator.Models.Download;
using Orator.Models.Store;
using Orator.Models.Tests.Support;

namespace Orator.Models.Tests.Store;

public sealed class ModelInstallerTests : IAsyncLifetime
{
    private readonly TempStore _store = new();
    private readonly HttpClient _http = new();
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
        _http.Dispose();
        _store.Dispose();
    }

    private ModelCatalog Catalog => new(ModelSources.FromMirror(_server.BaseUri), _http);

    private ModelInstaller Installer => new(_store.Layout, new ModelDownloader(_http));

    [Fact]
    public async Task A_piper_pull_installs_the_config_before_the_model_and_records_both_in_the_manifest()
    {
        var onnx = Fixtures.Bytes(250_000, seed: 30);
        var config = "{\"audio\":{\"sample_rate\":22050}}"u8.ToArray();
        var (configPath, modelPath) = _piper.Add("en_US-test-medium", onnx, config);
        var model = await Catalog.ResolveAsync("piper:en_US-test-medium", CancellationToken.None);

        var outcomes = await Installer.PullAsync(model, null, force: false, null, CancellationToken.None);

        Assert.Equal(onnx, await File.ReadAllBytesAsync(_store.Layout.PiperModelPath("en_US-test-medium")));
        Assert.Equal(config, await File.ReadAllBytesAsync(_store.Layout.PiperConfigPath("en_US-test-medium")));
        Assert.Equal(["manifest.json", "piper/en_US-test-medium.onnx", "piper/en_US-test-medium.onnx.json"], _store.Files());
        Assert.Equal([configPath, modelPath], _server.Requests.Select(r => r.Path).Where(p => p != "piper/voices.json"));
        Assert.All(outcomes, o => Assert.Equal("md5+size (voices.json); sha256 recorded", o.Verified));
        var manifest = await ModelManifest.LoadAsync(_store.Layout, CancellationToken.None);
        Assert.Equal(Fixtures.Sha256(onnx), manifest.Get("piper/en_US-test-medium.onnx")!.Sha256);
        Assert.Equal(onnx.Length, manifest.Get("piper/en_US-test-medium.onnx")!.Size);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_store.Layout.ManifestPath));
        Assert.Equal(Fixtures.Sha256(config), json.RootElement.GetProperty("files").GetProperty("piper/en_US-test-medium.onnx.json").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Pulling_an_installed_model_again_downloads_nothing()
    {
        _piper.Add("en_US-test-medium", Fixtures.Bytes(10_000, seed: 31), [1, 2, 3]);
        var model = await Catalog.ResolveAsync("piper:en_US-test-medium", CancellationToken.None);
        await Installer.PullAsync(model, null, force: false, null, CancellationToken.None);
        var before = _server.Requests.Count;

        var outcomes = await Installer.PullAsync(model, null, force: false, null, CancellationToken.None);

        Assert.Equal(before, _server.Requests.Count);
        Assert.All(outcomes, o => Assert.False(o.Downloaded));
    }

    [Fact]
    public async Task Force_downloads_an_installed_model_again()
    {
        _piper.Add("en_US-test-medium", Fixtures.Bytes(10_000, seed: 32), [1, 2, 3]);
        var model = await Catalog.ResolveAsync("piper:en_US-test-medium", CancellationToken.None);
        await Installer.PullAsync(model, null, force: false, null, CancellationToken.None);

        var outcomes = await Installer.PullAsync(model, null, force: true, null, CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Downloaded));
    }

    [Fact]
    public async Task A_piper_model_whose_md5_differs_from_voices_json_is_not_installed_and_no_part_is_left()
    {
        var onnx = Fixtures.Bytes(20_000, seed: 33);
        var (_, modelPath) = _piper.Add("en_US-test-medium", onnx, [1, 2, 3]);
        var tampered = (byte[])onnx.Clone();
        tampered[^1] ^= 0xFF;
        _server.Serve(modelPath, tampered); // same size, other bytes
        var model = await Catalog.ResolveAsync("piper:en_US-test-medium", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => Installer.PullAsync(model, null, force: false, null, CancellationToken.None));

        Assert.Equal(ModelStoreError.ChecksumMismatch, error.Error);
        Assert.Contains($"md5 {Fixtures.Md5(tampered)}, expected {Fixtures.Md5(onnx)}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("piper/en_US-test-medium.onnx", _store.Files());
        Assert.DoesNotContain("piper/en_US-test-medium.onnx.part", _store.Files());
        Assert.Empty(new ModelInventory(_store.Layout).PartialDownloads());
    }

    [Fact]
    public async Task A_kokoro_mirror_serving_other_bytes_fails_the_pinned_sha256_and_installs_nothing()
    {
        _server.Serve("kokoro/voices-v1.0.bin", Fixtures.Bytes(28_214_398, seed: 34));
        var model = Catalog.Kokoro(KokoroVariant.Int8);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => Installer.PullAsync(model, null, force: false, null, CancellationToken.None));

        Assert.Equal(ModelStoreError.ChecksumMismatch, error.Error);
        Assert.Contains("expected bca610b8308e8d99f32e6fe4197e7ec01679264efed0cac9140fe9c29f1fbf7d", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Files());
        Assert.Empty(new ModelInventory(_store.Layout).List());
    }

    [Fact]
    public async Task A_sha256_override_replaces_the_expected_digest_of_the_main_file()
    {
        var onnx = Fixtures.Bytes(30_000, seed: 35);
        _piper.Add("en_US-test-medium", onnx, [1, 2, 3]);
        var model = await Catalog.ResolveAsync("piper:en_US-test-medium", CancellationToken.None);

        var wrong = await Assert.ThrowsAsync<ModelStoreException>(() => Installer.PullAsync(model, new string('0', 64), force: false, null, CancellationToken.None));
        var outcomes = await Installer.PullAsync(model, Fixtures.Sha256(onnx).ToUpperInvariant(), force: false, null, CancellationToken.None);

        Assert.Equal(ModelStoreError.ChecksumMismatch, wrong.Error);
        Assert.Equal("sha256 (--sha256)", outcomes[^1].Verified);
        Assert.Equal(Fixtures.Sha256(onnx), outcomes[^1].Sha256);
    }

    [Fact]
    public async Task A_file_put_in_place_by_hand_that_matches_is_adopted_without_downloading()
    {
        var onnx = Fixtures.Bytes(5_000, seed: 36);
        var config = new byte[] { 7, 7, 7 };
        _piper.Add("en_US-test-medium", onnx, config);
        Directory.CreateDirectory(_store.Layout.PiperDirectory);
        await File.WriteAllBytesAsync(_store.Layout.PiperModelPath("en_US-test-medium"), onnx);
        await File.WriteAllBytesAsync(_store.Layout.PiperConfigPath("en_US-test-medium"), config);
        var model = await Catalog.ResolveAsync("piper:en_US-test-medium", CancellationToken.None);

        var outcomes = await Installer.PullAsync(model, null, force: false, null, CancellationToken.None);

        Assert.All(outcomes, o => Assert.False(o.Downloaded));
        Assert.Equal(["piper/voices.json"], _server.Requests.Select(r => r.Path));
        Assert.NotNull((await ModelManifest.LoadAsync(_store.Layout, CancellationToken.None)).Get("piper/en_US-test-medium.onnx"));
    }

    [Fact]
    public async Task A_pull_interrupted_on_the_model_resumes_on_the_next_pull_and_keeps_the_config_already_installed()
    {
        var onnx = Fixtures.Bytes(800_000, seed: 37);
        var (_, modelPath) = _piper.Add("en_US-test-medium", onnx, [4, 5, 6], new FixtureBehavior { DropAfterBytesOnce = 300_000, ClientHolds = Fixtures.PartHolds(_store.Layout.PiperModelPath("en_US-test-medium"), 300_000) });
        var model = await Catalog.ResolveAsync("piper:en_US-test-medium", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() => Installer.PullAsync(model, null, force: false, null, CancellationToken.None));
        var listed = new ModelInventory(_store.Layout).List();
        var outcomes = await Installer.PullAsync(model, null, force: false, null, CancellationToken.None);

        Assert.Equal(ModelStoreError.Network, error.Error);
        Assert.Empty(listed); // the engine-visible .onnx never existed while the transfer was broken
        Assert.False(outcomes[0].Downloaded);
        Assert.True(outcomes[1].ResumedFrom > 0);
        Assert.StartsWith("bytes=", _server.RequestsFor(modelPath)[^1].Range, StringComparison.Ordinal);
        Assert.Equal(onnx, await File.ReadAllBytesAsync(_store.Layout.PiperModelPath("en_US-test-medium")));
    }
}
