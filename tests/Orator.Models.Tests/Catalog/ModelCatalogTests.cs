using System.Text.Json;
using Orator.Models.Catalog;
using Orator.Models.Store;
using Orator.Models.Tests.Support;

namespace Orator.Models.Tests.Catalog;

public sealed class ModelCatalogTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FixtureServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Theory]
    [InlineData("kokoro", "kokoro-v1.0.onnx", 325_532_387L, "7d5df8ecf7d4b1878015a32686053fd0eebe2bc377234608764cc0ef3636a6c5")]
    [InlineData("kokoro-fp16", "kokoro-v1.0.fp16.onnx", 177_464_787L, "c1610a859f3bdea01107e73e50100685af38fff88f5cd8e5c56df109ec880204")]
    [InlineData("kokoro-int8", "kokoro-v1.0.int8.onnx", 92_361_271L, "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb")]
    public async Task Each_kokoro_variant_pulls_the_voice_pack_then_its_own_model_from_the_v1_0_release(string name, string file, long size, string sha256)
    {
        var model = await new ModelCatalog(ModelSources.Public, _http).ResolveAsync(name, CancellationToken.None);

        Assert.Equal(name, model.Name);
        Assert.Equal(["kokoro/voices-v1.0.bin", "kokoro/" + file], model.Files.Select(f => f.RelativePath));
        Assert.Equal($"https://github.com/thewh1teagle/kokoro-onnx/releases/download/model-files-v1.0/{file}", model.MainFile.Source.AbsoluteUri);
        Assert.Equal(size, model.MainFile.Size);
        Assert.Equal(sha256, model.MainFile.Sha256);
        Assert.Equal("bca610b8308e8d99f32e6fe4197e7ec01679264efed0cac9140fe9c29f1fbf7d", model.Files[0].Sha256);
        Assert.Equal(28_214_398, model.Files[0].Size);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void A_mirror_moves_kokoro_and_piper_under_one_base_url()
    {
        var sources = ModelSources.Resolve("http://127.0.0.1:9/models");

        Assert.Equal("http://127.0.0.1:9/models/kokoro/", sources.KokoroBase.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9/models/piper/", sources.PiperBase.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9/models/kokoro/kokoro-v1.0.int8.onnx",
            new ModelCatalog(sources, _http).Kokoro(KokoroVariant.Int8).MainFile.Source.AbsoluteUri);
    }

    [Fact]
    public void A_configured_mirror_is_used_and_without_one_the_public_sources_are()
    {
        // Which of --mirror, ORATOR_MODELS_MIRROR and the files wins is decided by OratorConfiguration (ModelStoreSettingsTests).
        Assert.Equal("http://config.invalid/kokoro/", ModelSources.Resolve("http://config.invalid").KokoroBase.AbsoluteUri);
        Assert.Same(ModelSources.Public, ModelSources.Resolve(null));
        Assert.Same(ModelSources.Public, ModelSources.Resolve("  "));
    }

    [Theory]
    [InlineData("ftp://example.org/")]
    [InlineData("models/")]
    public void A_mirror_that_is_not_an_http_url_is_rejected_with_a_clear_message(string mirror)
    {
        var error = Assert.Throws<ArgumentException>(() => ModelSources.Resolve(mirror));

        Assert.Contains("not an absolute http:// or https:// URL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en_US-libritts_r-medium", "en/en_US/libritts_r/medium")]
    [InlineData("ca_ES-upc_ona-x_low", "ca/ca_ES/upc_ona/x_low")]
    [InlineData("de_DE-thorsten-high", "de/de_DE/thorsten/high")]
    public void A_piper_voice_key_gives_its_folder_in_the_repository(string key, string folder)
    {
        Assert.True(PiperVoiceName.TryParse(key, out var voice));
        Assert.Equal(folder, voice.RepositoryFolder);
    }

    [Theory]
    [InlineData("en_US-../../etc-medium")]
    [InlineData("en_US-libritts_r")]
    [InlineData("en_US-libritts_r-ultra")]
    [InlineData("english-libritts_r-medium")]
    [InlineData("en_US-a/b-medium")]
    public void Strings_that_are_not_piper_voice_keys_are_refused(string key) => Assert.False(PiperVoiceName.TryParse(key, out _));

    [Fact]
    public async Task A_piper_voice_listed_in_voices_json_gets_its_published_size_and_md5_and_the_config_comes_first()
    {
        var onnx = Fixtures.Bytes(1000, seed: 20);
        var config = Fixtures.Bytes(100, seed: 21);
        ServeVoicesJson("en_US-test-medium", "en/en_US/test/medium", onnx, config);
        var sources = ModelSources.FromMirror(_server.BaseUri);

        var model = await new ModelCatalog(sources, _http).ResolveAsync("piper:en_US-test-medium", CancellationToken.None);

        Assert.Equal("piper:en_US-test-medium", model.Name);
        Assert.Empty(model.Warnings);
        Assert.Equal(["piper/en_US-test-medium.onnx.json", "piper/en_US-test-medium.onnx"], model.Files.Select(f => f.RelativePath));
        Assert.Equal(new Uri(_server.BaseUri, "piper/en/en_US/test/medium/en_US-test-medium.onnx"), model.MainFile.Source);
        Assert.Equal(onnx.Length, model.MainFile.Size);
        Assert.Equal(Fixtures.Md5(onnx), model.MainFile.Md5);
        Assert.Equal(Fixtures.Md5(config), model.Files[0].Md5);
        Assert.Null(model.MainFile.Sha256);
    }

    [Fact]
    public async Task A_piper_voice_missing_from_voices_json_is_an_unknown_model()
    {
        ServeVoicesJson("en_US-test-medium", "en/en_US/test/medium", [1], [2]);

        var error = await Assert.ThrowsAsync<ModelStoreException>(() =>
            new ModelCatalog(ModelSources.FromMirror(_server.BaseUri), _http).ResolveAsync("piper:en_GB-other-low", CancellationToken.None));

        Assert.Equal(ModelStoreError.UnknownModel, error.Error);
        Assert.Contains("'en_GB-other-low' is not listed", error.Message, StringComparison.Ordinal);
        Assert.Contains("(1 voices are)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_voices_json_a_piper_voice_is_resolved_from_its_key_with_a_warning_that_nothing_is_checked()
    {
        var model = await new ModelCatalog(ModelSources.FromMirror(_server.BaseUri), _http).ResolveAsync("piper:en_US-libritts_r-medium", CancellationToken.None);

        Assert.Equal(new Uri(_server.BaseUri, "piper/en/en_US/libritts_r/medium/en_US-libritts_r-medium.onnx"), model.MainFile.Source);
        Assert.All(model.Files, f => Assert.True(f.Size is null && f.Md5 is null && f.Sha256 is null));
        var warning = Assert.Single(model.Warnings);
        Assert.Contains("voices.json could not be read (HTTP 404", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("whisper")]
    [InlineData("kokoro-fp64")]
    public async Task An_unknown_name_lists_what_can_be_pulled(string name)
    {
        var error = await Assert.ThrowsAsync<ModelStoreException>(() => new ModelCatalog(ModelSources.Public, _http).ResolveAsync(name, CancellationToken.None));

        Assert.Equal(ModelStoreError.UnknownModel, error.Error);
        Assert.Contains("kokoro, kokoro-fp16, kokoro-int8, or piper:<voice>", error.Message, StringComparison.Ordinal);
    }

    private void ServeVoicesJson(string key, string folder, byte[] onnx, byte[] config)
    {
        // The shape of rhasspy/piper-voices voices.json (only the fields the catalog reads, plus neighbours it must ignore).
        var index = new Dictionary<string, object>
        {
            [key] = new
            {
                key,
                quality = "medium",
                num_speakers = 1,
                files = new Dictionary<string, object>
                {
                    [$"{folder}/{key}.onnx"] = new { size_bytes = onnx.Length, md5_digest = Fixtures.Md5(onnx) },
                    [$"{folder}/{key}.onnx.json"] = new { size_bytes = config.Length, md5_digest = Fixtures.Md5(config) },
                    [$"{folder}/MODEL_CARD"] = new { size_bytes = 10, md5_digest = "00" },
                },
                aliases = Array.Empty<string>(),
            },
        };
        _server.Serve("piper/voices.json", JsonSerializer.SerializeToUtf8Bytes(index));
        _server.Serve($"piper/{folder}/{key}.onnx", onnx);
        _server.Serve($"piper/{folder}/{key}.onnx.json", config);
    }
}
