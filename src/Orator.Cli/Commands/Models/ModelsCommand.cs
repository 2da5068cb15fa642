using System.CommandLine;
using System.Net;
using Orator.Models;

namespace Orator.Cli.Commands.Models;

/// <summary><c>orator models list|pull|remove|verify</c>: the neural model store.</summary>
internal static class ModelsCommand
{
    /// <summary>Store root (default: ORATOR_MODELS_PATH, Orator:ModelsPath, then $XDG_DATA_HOME/orator/models).</summary>
    internal static readonly Option<string?> ModelsPath = new("--models-path")
    {
        Description = "Model store folder (default: ORATOR_MODELS_PATH, Orator:ModelsPath, $XDG_DATA_HOME/orator/models or ~/.local/share/orator/models).",
        Recursive = true,
    };

    /// <summary>Mirror base URL replacing both public sources.</summary>
    internal static readonly Option<string?> Mirror = new("--mirror")
    {
        Description = "Download from <URL>/kokoro/... and <URL>/piper/... instead of the public locations (default: ORATOR_MODELS_MIRROR, Orator:ModelsMirror).",
        Recursive = true,
    };

    public static Command Create()
    {
        var command = new Command("models", "List, download and remove neural models (Kokoro, Piper).") { ModelsPath, Mirror };
        command.Subcommands.Add(ModelsListCommand.Create());
        command.Subcommands.Add(ModelsPullCommand.Create());
        command.Subcommands.Add(ModelsRemoveCommand.Create());
        command.Subcommands.Add(ModelsVerifyCommand.Create());
        return command;
    }

    internal static ModelStoreSettings Settings(ParseResult result) =>
        ModelStoreSettings.Resolve(result.GetValue(ModelsPath), result.GetValue(Mirror), Environment.GetEnvironmentVariable);

    internal static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None, // byte ranges must address the stored bytes
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AllowAutoRedirect = true, // GitHub and Hugging Face answer with redirects to their CDNs
        };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("orator-models/1.0");
        return http;
    }

    /// <summary>Exit status per failure, so scripts can tell them apart.</summary>
    internal static int ExitCode(ModelStoreError error) => error switch
    {
        ModelStoreError.UnknownModel => 2,
        ModelStoreError.NotFound => 3,
        ModelStoreError.HttpStatus or ModelStoreError.Network => 4,
        ModelStoreError.ChecksumMismatch or ModelStoreError.Corrupted => 5,
        ModelStoreError.DiskFull => 6,
        _ => 1,
    };
}
