using Orator.Models.Store;
using Orator.Models.Tests.Support;

namespace Orator.Models.Tests.Store;

public sealed class ModelInventoryTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private void Put(string relativePath, int length)
    {
        var path = _store.Layout.PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[length]);
    }

    [Fact]
    public void An_empty_store_lists_nothing()
    {
        Assert.Empty(new ModelInventory(_store.Layout).List());
        Assert.Empty(new ModelInventory(_store.Layout).PartialDownloads());
    }

    [Fact]
    public void Installed_models_are_listed_with_sizes_and_what_they_still_lack()
    {
        Put("kokoro/kokoro-v1.0.int8.onnx", 100);
        Put("kokoro/voices-v1.0.bin", 20);
        Put("kokoro/kokoro-v1.0.fp16.onnx", 50);
        Put("piper/en_US-a-low.onnx", 30);
        Put("piper/en_US-a-low.onnx.json", 3);
        Put("piper/de_DE-b-medium.onnx", 40);
        Put("piper/fr_FR-c-high.onnx.part", 7);

        var inventory = new ModelInventory(_store.Layout);
        var models = inventory.List();

        Assert.Equal(["kokoro-fp16", "kokoro-int8", "piper:de_DE-b-medium", "piper:en_US-a-low"], models.Select(m => m.Name));
        Assert.Equal([70L, 120L, 40L, 33L], models.Select(m => m.Size));
        Assert.Equal([null, null, "de_DE-b-medium.onnx.json", null], models.Select(m => m.Missing));
        Assert.Equal(_store.Layout.KokoroModelPath(KokoroVariant.Int8), models[1].MainPath);
        Assert.Equal([("piper/fr_FR-c-high.onnx.part", 7L)], inventory.PartialDownloads());
    }

    [Fact]
    public void A_kokoro_variant_without_the_voice_pack_is_listed_as_incomplete()
    {
        Put("kokoro/kokoro-v1.0.onnx", 10);

        var model = Assert.Single(new ModelInventory(_store.Layout).List());

        Assert.Equal("voices-v1.0.bin", model.Missing);
    }

    [Fact]
    public async Task Removing_a_kokoro_variant_keeps_the_voice_pack_while_another_variant_needs_it()
    {
        Put("kokoro/kokoro-v1.0.onnx", 10);
        Put("kokoro/kokoro-v1.0.int8.onnx", 10);
        Put("kokoro/voices-v1.0.bin", 10);
        var inventory = new ModelInventory(_store.Layout);

        await new ModelRemover(_store.Layout).RemoveAsync(inventory.FilesToRemove("kokoro"), CancellationToken.None);
        var afterFirst = _store.Files();
        await new ModelRemover(_store.Layout).RemoveAsync(inventory.FilesToRemove("kokoro-int8"), CancellationToken.None);

        Assert.Equal(["kokoro/kokoro-v1.0.int8.onnx", "kokoro/voices-v1.0.bin", "manifest.json"], afterFirst);
        Assert.Equal(["manifest.json"], _store.Files());
    }

    [Fact]
    public async Task Removing_a_piper_voice_deletes_model_config_and_partial_download_model_first()
    {
        Put("piper/en_US-a-low.onnx", 10);
        Put("piper/en_US-a-low.onnx.json", 10);
        Put("piper/en_US-a-low.onnx.json.part", 4);
        Put("piper/en_US-b-low.onnx", 10);

        var paths = new ModelInventory(_store.Layout).FilesToRemove("piper:en_US-a-low");
        var removed = await new ModelRemover(_store.Layout).RemoveAsync(paths, CancellationToken.None);

        Assert.Equal(["piper/en_US-a-low.onnx", "piper/en_US-a-low.onnx.json"], paths);
        Assert.Equal(["piper/en_US-a-low.onnx", "piper/en_US-a-low.onnx.json", "piper/en_US-a-low.onnx.json.part"], removed);
        Assert.Equal(["manifest.json", "piper/en_US-b-low.onnx"], _store.Files());
    }

    [Theory]
    [InlineData("kokoro")]
    [InlineData("piper:en_US-a-low")]
    [InlineData("whisper")]
    public void Removing_what_is_not_installed_finds_nothing_to_delete(string name) =>
        Assert.Empty(new ModelInventory(_store.Layout).FilesToRemove(name));
}
