using Orator.Models.Store;

namespace Orator.Models.Tests.Store;

public sealed class ModelStoreLayoutTests
{
    [Fact]
    public void The_layout_places_kokoro_and_piper_files_where_the_engines_look()
    {
        var layout = new ModelStoreLayout("/srv/models");

        Assert.Equal("/srv/models/kokoro/kokoro-v1.0.onnx", layout.KokoroModelPath(KokoroVariant.Fp32));
        Assert.Equal("/srv/models/kokoro/kokoro-v1.0.fp16.onnx", layout.KokoroModelPath(KokoroVariant.Fp16));
        Assert.Equal("/srv/models/kokoro/kokoro-v1.0.int8.onnx", layout.KokoroModelPath(KokoroVariant.Int8));
        Assert.Equal("/srv/models/kokoro/voices-v1.0.bin", layout.KokoroVoicesPath);
        Assert.Equal("/srv/models/piper/en_US-libritts_r-medium.onnx", layout.PiperModelPath("en_US-libritts_r-medium"));
        Assert.Equal("/srv/models/piper/en_US-libritts_r-medium.onnx.json", layout.PiperConfigPath("en_US-libritts_r-medium"));
    }

    [Fact]
    public void The_configured_root_is_used_and_the_environment_only_supplies_the_default()
    {
        // ORATOR_MODELS_PATH reaches the layout as Orator:ModelsPath through OratorConfiguration, never directly.
        string? Env(string name) => name switch { "ORATOR_MODELS_PATH" => "/env/models", "XDG_DATA_HOME" => "/data", "HOME" => "/home/u", _ => null };

        Assert.Equal("/config/models", ModelStoreLayout.Resolve("/config/models", Env).Root);
        Assert.Equal("/data/orator/models", ModelStoreLayout.Resolve(null, Env).Root);
        Assert.Equal("/data/orator/models", ModelStoreLayout.Resolve(" ", Env).Root);
    }

    [Fact]
    public void Without_settings_the_root_is_under_xdg_data_home_or_else_under_the_home_folder()
    {
        Assert.Equal("/data/orator/models", ModelStoreLayout.Resolve(null, n => n switch { "XDG_DATA_HOME" => "/data", "HOME" => "/home/u", _ => null }).Root);
        Assert.Equal("/home/u/.local/share/orator/models", ModelStoreLayout.Resolve(null, n => n == "HOME" ? "/home/u" : null).Root);
        // A relative XDG_DATA_HOME is invalid per the XDG spec and ignored.
        Assert.Equal("/home/u/.local/share/orator/models", ModelStoreLayout.Resolve(null, n => n switch { "XDG_DATA_HOME" => "rel", "HOME" => "/home/u", _ => null }).Root);
    }

    [Fact]
    public void A_tilde_in_a_configured_root_means_the_home_folder()
    {
        Assert.Equal("/home/u/models", ModelStoreLayout.Resolve("~/models", n => n == "HOME" ? "/home/u" : null).Root);
    }
}
