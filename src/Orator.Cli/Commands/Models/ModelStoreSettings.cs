using Microsoft.Extensions.Configuration;
using Orator.Models.Catalog;
using Orator.Models.Store;

namespace Orator.Cli.Commands.Models;

/// <summary>
/// Where the store is and where models come from, read the way the server reads its settings:
/// a command-line option, then the environment (<c>ORATOR_MODELS_PATH</c>, <c>ORATOR_MODELS_MIRROR</c>),
/// then <c>Orator:ModelsPath</c> / <c>Orator:ModelsMirror</c> from appsettings.json, ./orator.json,
/// the file named by ORATOR_CONFIG or <c>Orator__ModelsPath</c>-style variables.
/// </summary>
internal sealed record ModelStoreSettings(ModelStoreLayout Layout, ModelSources Sources)
{
    public static ModelStoreSettings Resolve(string? modelsPath, string? mirror, Func<string, string?> environment)
    {
        var configuration = ReadConfiguration(environment);
        return new ModelStoreSettings(
            ModelStoreLayout.Resolve(modelsPath, configuration[ModelStoreLayout.ConfigurationKey], environment),
            ModelSources.Resolve(mirror, configuration[ModelSources.MirrorConfigurationKey], environment));
    }

    private static IConfiguration ReadConfiguration(Func<string, string?> environment)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "orator.json"), optional: true);
        var configFile = environment("ORATOR_CONFIG");
        if (!string.IsNullOrEmpty(configFile))
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }
}
