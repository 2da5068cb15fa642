using System.CommandLine;

namespace Orator.Cli.Commands.Models;

/// <summary>The options every <c>orator models</c> subcommand shares (one set per command tree).</summary>
internal sealed class ModelStoreOptions
{
    /// <summary>Store root (default: ORATOR_MODELS_PATH, Orator:ModelsPath, then $XDG_DATA_HOME/orator/models).</summary>
    public Option<string?> ModelsPath { get; } = new("--models-path")
    {
        Description = "Model store folder (default: ORATOR_MODELS_PATH, Orator:ModelsPath, $XDG_DATA_HOME/orator/models or ~/.local/share/orator/models).",
        Recursive = true,
    };

    /// <summary>Mirror base URL replacing both public sources.</summary>
    public Option<string?> Mirror { get; } = new("--mirror")
    {
        Description = "Download from <URL>/kokoro/... and <URL>/piper/... instead of the public locations (default: ORATOR_MODELS_MIRROR, Orator:ModelsMirror).",
        Recursive = true,
    };

    /// <summary>The store and sources this invocation means.</summary>
    public ModelStoreSettings Settings(ParseResult result) =>
        ModelStoreSettings.Resolve(result.GetValue(ModelsPath), result.GetValue(Mirror), Environment.GetEnvironmentVariable);
}
