using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Cli;

/// <summary>
/// The same setting (Orator:ModelsPath) given in every layer wins in the same order for
/// <c>orator serve</c> and <c>orator models</c>: orator.json &lt; ORATOR_CONFIG &lt; Orator__ModelsPath
/// &lt; ORATOR_MODELS_PATH &lt; the command line. Each case sets layers 1..n and expects layer n.
/// </summary>
public sealed class ConfigurationPrecedenceTests : IDisposable
{
    private const string StorePrefix = "Model store: ";

    private static readonly string[] LayerNames = ["orator.json", "ORATOR_CONFIG", "Orator__ModelsPath", "ORATOR_MODELS_PATH", "command line"];

    private readonly IsolatedCli _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string, string> Steps()
    {
        var steps = new TheoryData<string, string>();
        foreach (var command in new[] { "serve", "models" })
        {
            foreach (var layer in LayerNames)
            {
                steps.Add(command, layer);
            }
        }

        return steps;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task The_highest_layer_setting_the_models_path_wins_for_serve_and_for_models_alike(string command, string highest)
    {
        var args = new List<string>();
        string expected = "";
        foreach (var layer in LayerNames.Take(Array.IndexOf(LayerNames, highest) + 1))
        {
            expected = Directory.CreateDirectory(Path.Combine(_cli.Root, "stores", layer.Replace(' ', '-'))).FullName;
            Set(layer, expected, command, args);
        }

        Assert.Equal(StorePrefix + expected, await StoreLineAsync(command, args));
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("models")]
    public async Task With_no_layer_set_both_use_the_store_under_xdg_data_home(string command)
    {
        Assert.StartsWith(StorePrefix + Path.Combine(_cli.DataHome, "orator", "models"), await StoreLineAsync(command, []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_takes_its_address_from_aspnetcore_urls_unless_the_command_line_gives_one()
    {
        _cli.Write("work/orator.json", """{ "Urls": "http://127.0.0.1:1" }""");
        _cli.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using (var server = System.Diagnostics.Process.Start(_cli.StartInfo("serve", "--workers", "1", "--Logging:LogLevel:Default=Warning"))!)
        {
            try
            {
                var url = await Orator.Testing.Cli.OratorProcess.ListeningUrlAsync(server);
                Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
                Assert.NotEqual("http://127.0.0.1:1", url);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    private void Set(string layer, string path, string command, List<string> args)
    {
        var json = $$"""{ "Orator": { "ModelsPath": "{{path}}" } }""";
        switch (layer)
        {
            case "orator.json":
                _cli.Write("work/orator.json", json);
                break;
            case "ORATOR_CONFIG":
                _cli.Environment["ORATOR_CONFIG"] = _cli.Write("config/extra.json", json);
                break;
            case "Orator__ModelsPath":
                _cli.Environment["Orator__ModelsPath"] = path;
                break;
            case "ORATOR_MODELS_PATH":
                _cli.Environment["ORATOR_MODELS_PATH"] = path;
                break;
            default:
                // Each command's own spelling of the key on its command line.
                args.AddRange(command == "serve" ? [$"--Orator:ModelsPath={path}"] : ["--models-path", path]);
                break;
        }
    }

    private async Task<string> StoreLineAsync(string command, IReadOnlyList<string> args)
    {
        if (command == "serve")
        {
            // "Model store: <root> (Kokoro, Piper; kill -HUP re-scans it)"
            var line = await _cli.ServeAndReadAsync(StorePrefix, [.. args]);
            return line.Split(" (", 2)[0];
        }

        var (code, output, error) = await _cli.RunAsync(["models", "list", .. args]);
        Assert.True(code == 0, error);
        return output.Split('\n').First(l => l.StartsWith(StorePrefix, StringComparison.Ordinal)).TrimEnd('\r');
    }
}
