using System.CommandLine;
using System.Net;
using Orator.Models;

namespace Orator.Cli.Commands.Models;

/// <summary><c>orator models list|pull|remove|verify</c>: the neural model store.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var store = new ModelStoreOptions();
        var command = new Command("models", "List, download and remove neural models (Kokoro, Piper).") { store.ModelsPath, store.Mirror };
        command.Subcommands.Add(ModelsListCommand.Create(store));
        command.Subcommands.Add(ModelsPullCommand.Create(store));
        command.Subcommands.Add(ModelsRemoveCommand.Create(store));
        command.Subcommands.Add(ModelsVerifyCommand.Create(store));
        return command;
    }

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
