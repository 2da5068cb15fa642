using Microsoft.Extensions.Configuration;
using Orator.Models.Catalog;
using Orator.Models.Store;
using Orator.Server.Hosting;
using Orator.Server.Tests.Support;

namespace Orator.Server.Tests.Hosting;

public sealed class OratorConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly List<string> _args = [];

    private string BaseDirectory => Path.Combine(_folder.Path, "app");

    private string WorkingDirectory => Path.Combine(_folder.Path, "work");

    public OratorConfigurationTests()
    {
        Directory.CreateDirectory(BaseDirectory);
        Directory.CreateDirectory(WorkingDirectory);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Each way of setting Orator:ModelsPath, lowest precedence first.</summary>
    public static TheoryData<int> Layers => [.. Enumerable.Range(1, LayerNames.Length)];

    private static readonly string[] LayerNames =
        ["appsettings.json", "orator.json", "ORATOR_CONFIG", "DOTNET_", "ASPNETCORE_", "Orator__", "ORATOR_MODELS_PATH", "command line"];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Each_layer_wins_over_every_layer_below_it(int layers)
    {
        for (var layer = 1; layer <= layers; layer++)
        {
            SetModelsPath(layer, $"/layer-{layer}");
        }

        Assert.Equal($"/layer-{layers}", Build()[ModelStoreLayout.ConfigurationKey]);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Each_layer_alone_sets_the_key(int layer)
    {
        SetModelsPath(layer, "/only");

        Assert.Equal("/only", Build()[ModelStoreLayout.ConfigurationKey]);
    }

    [Fact]
    public void The_layer_names_cover_every_source_the_configuration_has()
    {
        // appsettings, orator.json, ORATOR_CONFIG, DOTNET_, ASPNETCORE_, unprefixed, aliases, command line.
        SetModelsPath(3, "/x");
        var root = Build();

        Assert.Equal(LayerNames.Length, root.Providers.Count());
    }

    [Fact]
    public void Aspnetcore_urls_becomes_urls_and_the_command_line_urls_wins_over_it()
    {
        _environment["ASPNETCORE_URLS"] = "http://127.0.0.1:5001";
        _folder.Write("work/orator.json", """{ "Urls": "http://127.0.0.1:5000" }""");
        Assert.Equal("http://127.0.0.1:5001", Build()["urls"]);

        _args.Add("--urls=http://127.0.0.1:5002");
        Assert.Equal("http://127.0.0.1:5002", Build()["urls"]);
    }

    [Fact]
    public void Aspnetcore_prefixed_variables_win_over_dotnet_prefixed_ones_and_lose_to_unprefixed_ones()
    {
        _environment["DOTNET_Orator__Workers"] = "1";
        _environment["ASPNETCORE_Orator__Workers"] = "2";
        Assert.Equal("2", Build()["Orator:Workers"]);

        _environment["Orator__Workers"] = "3";
        Assert.Equal("3", Build()["Orator:Workers"]);
    }

    [Fact]
    public void A_relative_orator_config_is_read_from_the_working_directory()
    {
        _folder.Write("work/conf/extra.json", """{ "Orator": { "Workers": 7 } }""");
        _environment[OratorConfiguration.ConfigFileVariable] = "conf/extra.json";

        Assert.Equal("7", Build()["Orator:Workers"]);
    }

    [Fact]
    public void A_missing_orator_config_file_is_an_error_naming_the_variable_and_the_path()
    {
        _environment[OratorConfiguration.ConfigFileVariable] = "missing.json";

        var error = Assert.Throws<OratorConfigurationException>(Build);

        Assert.Equal($"ORATOR_CONFIG names 'missing.json' ({Path.Combine(WorkingDirectory, "missing.json")}), which does not exist.", Assert.Single(error.Problems));
    }

    [Fact]
    public void An_empty_orator_config_reads_no_extra_file()
    {
        _environment[OratorConfiguration.ConfigFileVariable] = "";

        Assert.Null(Build()["Orator:Workers"]);
    }

    [Fact]
    public void A_malformed_orator_json_is_an_error_naming_the_file_and_the_line()
    {
        var file = _folder.Write("work/orator.json", "{\n  \"Orator\": { \"Workers\": 2,\n");

        var error = Assert.Throws<OratorConfigurationException>(Build);

        var problem = Assert.Single(error.Problems);
        Assert.Contains(file, problem, StringComparison.Ordinal);
        Assert.Contains("LineNumber", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_loading_sources_as_they_are_added_gets_the_same_error_for_a_malformed_file()
    {
        _folder.Write("work/orator.json", "{ nope");
        using var manager = new ConfigurationManager();

        Assert.Throws<OratorConfigurationException>(() => manager.AddOratorSources(_args, Context()));
    }

    [Fact]
    public void An_empty_alias_leaves_the_orator_spelling_in_force()
    {
        _environment["Orator__AdminKey"] = "from-orator-spelling";
        _environment[OratorConfiguration.AdminKeyVariable] = "";

        Assert.Equal("from-orator-spelling", Build()["Orator:AdminKey"]);
    }

    [Fact]
    public void The_aliases_set_the_keys_the_model_store_the_mirror_and_the_admin_key_are_read_from()
    {
        _environment[OratorConfiguration.ModelsPathVariable] = "/models";
        _environment[OratorConfiguration.ModelsMirrorVariable] = "http://mirror.invalid/";
        _environment[OratorConfiguration.AdminKeyVariable] = "adm";
        var root = Build();

        Assert.Equal("/models", root[ModelStoreLayout.ConfigurationKey]);
        Assert.Equal("http://mirror.invalid/", root[ModelSources.MirrorConfigurationKey]);
        Assert.Equal("adm", OratorOptions.FromConfiguration(root).AdminKey);
        Assert.Equal("/models", OratorOptions.FromConfiguration(root).ModelsPath);
    }

    [Fact]
    public void Api_keys_from_the_environment_are_not_an_alias_of_the_configured_list()
    {
        // ORATOR_API_KEYS adds to Orator:ApiKeys (the server reads both); it never replaces an entry.
        _environment["ORATOR_API_KEYS"] = "sk-env";
        _args.Add("--Orator:ApiKeys:0=sk-file");

        Assert.Equal(["sk-file"], OratorOptions.FromConfiguration(Build()).ApiKeys);
    }

    [Fact]
    public void Two_variables_that_differ_only_in_case_are_not_an_error()
    {
        _environment["Orator__Workers"] = "2";
        _environment["ORATOR__WORKERS"] = "3";

        Assert.Contains(Build()["Orator:Workers"], new[] { "2", "3" });
    }

    [Fact]
    public void A_command_option_standing_for_a_key_wins_over_a_raw_token_for_it_placed_before()
    {
        _args.Add("--Orator:Workers=2");
        _args.Add(OratorConfiguration.Argument("Orator:Workers", "3"));

        Assert.Equal("3", Build()["Orator:Workers"]);
    }

    [Fact]
    public void The_process_context_is_the_current_directory_the_executable_folder_and_the_environment()
    {
        var context = OratorConfigurationContext.Current();

        Assert.Equal(Environment.CurrentDirectory, context.WorkingDirectory);
        Assert.Equal(AppContext.BaseDirectory, context.BaseDirectory);
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), context.Variable("PATH"));
    }

    private void SetModelsPath(int layer, string value)
    {
        switch (LayerNames[layer - 1])
        {
            case "appsettings.json":
                _folder.Write("app/appsettings.json", $$"""{ "Orator": { "ModelsPath": "{{value}}" } }""");
                break;
            case "orator.json":
                _folder.Write("work/orator.json", $$"""{ "Orator": { "ModelsPath": "{{value}}" } }""");
                break;
            case "ORATOR_CONFIG":
                _environment[OratorConfiguration.ConfigFileVariable] = _folder.Write("elsewhere/config.json", $$"""{ "Orator": { "ModelsPath": "{{value}}" } }""");
                break;
            case "DOTNET_":
                _environment["DOTNET_Orator__ModelsPath"] = value;
                break;
            case "ASPNETCORE_":
                _environment["ASPNETCORE_Orator__ModelsPath"] = value;
                break;
            case "Orator__":
                _environment["Orator__ModelsPath"] = value;
                break;
            case "ORATOR_MODELS_PATH":
                _environment[OratorConfiguration.ModelsPathVariable] = value;
                break;
            default:
                _args.Add($"--Orator:ModelsPath={value}");
                break;
        }
    }

    private OratorConfigurationContext Context() => new(BaseDirectory, WorkingDirectory, _environment);

    private IConfigurationRoot Build() => OratorConfiguration.Build(_args, Context());
}
