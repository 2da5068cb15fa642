using System.CommandLine;
using System.Text.RegularExpressions;
using Orator.Models;
using Orator.Models.Catalog;
using Orator.Models.Download;
using Orator.Models.Store;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands.Models;

/// <summary><c>orator models pull kokoro|kokoro-fp16|kokoro-int8|piper:&lt;voice&gt;</c>.</summary>
internal static partial class ModelsPullCommand
{
    public static Command Create(ModelStoreOptions store)
    {
        var name = new Argument<string>("name") { Description = "kokoro, kokoro-fp16, kokoro-int8 or piper:<voice> (e.g. piper:en_US-libritts_r-medium)." };
        var sha256 = new Option<string?>("--sha256") { Description = "Expected sha256 of the model file, replacing the built-in one (for mirrors serving other bytes)." };
        var force = new Option<bool>("--force") { Description = "Download again even when the files are already installed." };
        var command = new Command("pull", "Download a model into the store (resumable, verified, installed atomically).") { name, sha256, force };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var expected = result.GetValue(sha256);
            if (expected is not null && !Sha256Pattern().IsMatch(expected.Trim()))
            {
                await error.WriteLineAsync("orator models pull: --sha256 must be 64 hexadecimal characters.");
                return 2;
            }

            try
            {
                var settings = store.Settings(result);
                using var http = ModelsCommand.CreateHttpClient();
                var catalog = new ModelCatalog(settings.Sources, http);
                var model = await catalog.ResolveAsync(result.GetValue(name)!, cancellationToken);
                foreach (var warning in model.Warnings)
                {
                    await error.WriteLineAsync($"warning: {warning}");
                }

                await output.WriteLineAsync($"Pulling {model.Name} into {settings.Layout.Root}");
                var installer = new ModelInstaller(settings.Layout, new ModelDownloader(http));
                var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
                var outcomes = await installer.PullAsync(model, expected, result.GetValue(force), new ConsoleDownloadProgress(output, interactive), cancellationToken);
                foreach (var outcome in outcomes)
                {
                    var how = outcome.Downloaded
                        ? outcome.RestartedFromZero ? "downloaded (server ignored the resume request: restarted from 0)"
                        : outcome.ResumedFrom > 0 ? $"downloaded (resumed at {ConsoleDownloadProgress.Bytes(outcome.ResumedFrom)})" : "downloaded"
                        : "already installed";
                    await output.WriteLineAsync($"  {outcome.RelativePath}: {how}; verified: {outcome.Verified}; sha256 {outcome.Sha256}");
                }

                await output.WriteLineAsync($"{model.Name} is installed.");
                return 0;
            }
            catch (ModelStoreException ex)
            {
                await error.WriteLineAsync($"orator models pull: {ex.Message}");
                return ModelsCommand.ExitCode(ex.Error);
            }
            catch (Exception ex) when (ex is ArgumentException or OratorConfigurationException)
            {
                await error.WriteLineAsync($"orator models pull: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
