using Orator.Models.Catalog;
using Orator.Models.Store;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands.Models;

/// <summary>
/// Where the store is and where models come from: <c>Orator:ModelsPath</c> and <c>Orator:ModelsMirror</c>
/// read through <see cref="OratorConfiguration"/> like every other setting, with <c>--models-path</c> and
/// <c>--mirror</c> as the command line's spelling of those keys (so they win over everything).
/// </summary>
internal sealed record ModelStoreSettings(ModelStoreLayout Layout, ModelSources Sources)
{
    /// <exception cref="OratorConfigurationException">A configuration file cannot be read.</exception>
    /// <exception cref="ArgumentException">The mirror is not an http(s) URL.</exception>
    public static ModelStoreSettings Resolve(string? modelsPath, string? mirror, OratorConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = new List<string>();
        if (modelsPath is not null)
        {
            args.Add(OratorConfiguration.Argument(ModelStoreLayout.ConfigurationKey, modelsPath));
        }

        if (mirror is not null)
        {
            args.Add(OratorConfiguration.Argument(ModelSources.MirrorConfigurationKey, mirror));
        }

        var configuration = OratorConfiguration.Build(args, context);
        return new ModelStoreSettings(
            ModelStoreLayout.Resolve(configuration[ModelStoreLayout.ConfigurationKey], context.Variable),
            ModelSources.Resolve(configuration[ModelSources.MirrorConfigurationKey]));
    }
}
