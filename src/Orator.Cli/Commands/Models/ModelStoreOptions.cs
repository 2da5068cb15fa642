using System.CommandLine;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands.Models;

/// <summary>The options every <c>orator models</c> subcommand shares (one set per command tree).</summary>
internal sealed class ModelStoreOptions
{
    /// <summary>Store root: the command line's <c>Orator:ModelsPath</c>.</summary>
    public Option<string?> ModelsPath { get; } = new("--models-path")
    {
        Description = "Model store folder (default: Orator:ModelsPath from ORATOR_MODELS_PATH, Orator__ModelsPath, ORATOR_CONFIG or orator.json; else $XDG_DATA_HOME/orator/models or ~/.local/share/orator/models).",
        Recursive = true,
    };

    /// <summary>Mirror base URL replacing both public sources.</summary>
    public Option<string?> Mirror { get; } = new("--mirror")
    {
        Description = "Download from <URL>/kokoro/... and <URL>/piper/... instead of the public locations (default: Orator:ModelsMirror, also ORATOR_MODELS_MIRROR).",
        Recursive = true,
    };

    /// <summary>The store and sources this invocation means.</summary>
    /// <exception cref="OratorConfigurationException">A configuration file cannot be read.</exception>
    /// <exception cref="ArgumentException">The mirror is not an http(s) URL.</exception>
    public ModelStoreSettings Settings(ParseResult result) =>
        ModelStoreSettings.Resolve(result.GetValue(ModelsPath), result.GetValue(Mirror), OratorConfigurationContext.Current());
}
