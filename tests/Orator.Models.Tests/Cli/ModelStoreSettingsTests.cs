using Orator.Cli.Commands.Models;
using Orator.Models.Catalog;
using Orator.Models.Tests.Support;
using Orator.Server.Hosting;

namespace Orator.Models.Tests.Cli;

/// <summary>`orator models` reads its store and mirror through the one configuration order (no second copy of it).</summary>
public sealed class ModelStoreSettingsTests : IDisposable
{
    private readonly TempStore _folder = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal) { ["HOME"] = "/home/u" };

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_models_path_option_wins_over_the_alias_which_wins_over_the_orator_spelling_then_orator_config_then_orator_json()
    {
        File.WriteAllText(Path.Combine(_folder.Root, "orator.json"), """{ "Orator": { "ModelsPath": "/from-orator-json" } }""");
        Assert.Equal("/from-orator-json", Root(null));

        File.WriteAllText(Path.Combine(_folder.Root, "extra.json"), """{ "Orator": { "ModelsPath": "/from-orator-config" } }""");
        _environment["ORATOR_CONFIG"] = "extra.json";
        Assert.Equal("/from-orator-config", Root(null));

        _environment["Orator__ModelsPath"] = "/from-orator-spelling";
        Assert.Equal("/from-orator-spelling", Root(null));

        _environment["ORATOR_MODELS_PATH"] = "/from-alias";
        Assert.Equal("/from-alias", Root(null));

        Assert.Equal("/from-option", Root("/from-option"));
    }

    [Fact]
    public void Without_any_setting_the_store_is_under_xdg_data_home()
    {
        _environment["XDG_DATA_HOME"] = "/data";

        Assert.Equal("/data/orator/models", Root(null));
    }

    [Fact]
    public void The_mirror_option_wins_over_the_alias_which_wins_over_the_files()
    {
        File.WriteAllText(Path.Combine(_folder.Root, "orator.json"), """{ "Orator": { "ModelsMirror": "http://file.invalid/" } }""");
        Assert.Equal("http://file.invalid/kokoro/", Sources(null).KokoroBase.AbsoluteUri);

        _environment["ORATOR_MODELS_MIRROR"] = "http://env.invalid/";
        Assert.Equal("http://env.invalid/kokoro/", Sources(null).KokoroBase.AbsoluteUri);

        Assert.Equal("http://cli.invalid/kokoro/", Sources("http://cli.invalid").KokoroBase.AbsoluteUri);
    }

    [Fact]
    public void A_missing_orator_config_file_is_a_configuration_error()
    {
        _environment["ORATOR_CONFIG"] = "missing.json";

        var error = Assert.Throws<OratorConfigurationException>(() => Root(null));

        Assert.Contains("ORATOR_CONFIG names 'missing.json'", error.Message, StringComparison.Ordinal);
    }

    private OratorConfigurationContext Context() => new(_folder.Root, _folder.Root, _environment);

    private string Root(string? option) => ModelStoreSettings.Resolve(option, null, Context()).Layout.Root;

    private ModelSources Sources(string? option) => ModelStoreSettings.Resolve(null, option, Context()).Sources;
}
