using System.CommandLine;
using Orator.Models.Catalog;
using Orator.Models.Store;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands.Models;

/// <summary><c>orator models list</c>: installed models with size and place, then what can be pulled.</summary>
internal static class ModelsListCommand
{
    public static Command Create(ModelStoreOptions store)
    {
        var command = new Command("list", "Show installed models and the ones that can be pulled.");
        command.SetAction((result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            ModelStoreSettings settings;
            try
            {
                settings = store.Settings(result);
            }
            catch (Exception ex) when (ex is ArgumentException or OratorConfigurationException)
            {
                result.InvocationConfiguration.Error.WriteLine($"orator models list: {ex.Message}");
                return Task.FromResult(2);
            }

            var inventory = new ModelInventory(settings.Layout);
            var installed = inventory.List();
            output.WriteLine($"Model store: {settings.Layout.Root}");
            output.WriteLine();
            output.WriteLine("INSTALLED");
            if (installed.Count == 0)
            {
                output.WriteLine("  (none)");
            }

            foreach (var model in installed)
            {
                var state = model.Missing is null ? "ready" : $"incomplete: missing {model.Missing}";
                output.WriteLine($"  {model.Name,-40} {ConsoleDownloadProgress.Bytes(model.Size),10}  {state,-12}  {model.MainPath}");
            }

            foreach (var (path, size) in inventory.PartialDownloads())
            {
                output.WriteLine($"  {"(partial download)",-40} {ConsoleDownloadProgress.Bytes(size),10}  resumable     {settings.Layout.PathOf(path)}");
            }

            output.WriteLine();
            output.WriteLine("PULLABLE (orator models pull <name>)");
            foreach (var name in ModelCatalog.KokoroNames)
            {
                var model = ModelCatalog.Kokoro(settings.Sources, ModelCatalog.KokoroVariantOf(name)!.Value);
                var mark = installed.Any(i => i.Name == name) ? "installed" : string.Empty;
                output.WriteLine($"  {name,-40} {ConsoleDownloadProgress.Bytes(model.TotalSize ?? 0),10}  {mark,-12}  {model.Summary}");
            }

            output.WriteLine($"  {"piper:<voice>",-40} {"20-120 MiB",10}  {string.Empty,-12}  any voice of rhasspy/piper-voices, e.g. piper:en_US-libritts_r-medium");
            output.WriteLine();
            output.WriteLine($"Sources: kokoro {settings.Sources.KokoroBase}  piper {settings.Sources.PiperBase}");
            return Task.FromResult(0);
        });
        return command;
    }
}
