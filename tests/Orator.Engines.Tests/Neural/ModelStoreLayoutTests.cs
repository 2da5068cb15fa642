using Orator.Engines.Neural;

namespace Orator.Engines.Tests.Neural;

public sealed class ModelStoreLayoutTests
{
    [Fact]
    public void The_root_comes_from_configuration_then_the_environment_then_xdg_data_home_then_the_home_folder()
    {
        var savedModels = Environment.GetEnvironmentVariable(ModelStoreLayout.EnvironmentVariable);
        var savedXdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        try
        {
            Environment.SetEnvironmentVariable(ModelStoreLayout.EnvironmentVariable, "/tmp/from-env");
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", "/tmp/xdg");
            Assert.Equal("/tmp/configured", ModelStoreLayout.Resolve("/tmp/configured").Root);
            Assert.Equal("/tmp/from-env", ModelStoreLayout.Resolve(null).Root);

            Environment.SetEnvironmentVariable(ModelStoreLayout.EnvironmentVariable, null);
            Assert.Equal("/tmp/xdg/orator/models", ModelStoreLayout.Resolve("").Root);

            Environment.SetEnvironmentVariable("XDG_DATA_HOME", null);
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            Assert.Equal(Path.Combine(home, ".local", "share", "orator", "models"), ModelStoreLayout.Resolve(null).Root);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelStoreLayout.EnvironmentVariable, savedModels);
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", savedXdg);
        }
    }

    [Fact]
    public void Files_follow_the_agreed_layout()
    {
        var layout = new ModelStoreLayout("/m");

        Assert.Equal("/m/kokoro/kokoro-v1.0.onnx", layout.KokoroModel("fp32"));
        Assert.Equal("/m/kokoro/kokoro-v1.0.fp16.onnx", layout.KokoroModel("fp16"));
        Assert.Equal("/m/kokoro/kokoro-v1.0.int8.onnx", layout.KokoroModel("int8"));
        Assert.Equal("/m/kokoro/voices-v1.0.bin", layout.KokoroVoicesArchive);
        Assert.Equal("/m/kokoro/voices", layout.KokoroVoicesDirectory);
        Assert.Equal("/m/kokoro/config.json", layout.KokoroConfig);
        Assert.Equal("/m/piper/en_US-lessac-medium.onnx", layout.PiperModel("en_US-lessac-medium"));
        Assert.Equal("/m/piper/en_US-lessac-medium.onnx.json", layout.PiperConfig("en_US-lessac-medium"));
        Assert.Throws<ArgumentException>(() => layout.KokoroModel("q4"));
    }
}
