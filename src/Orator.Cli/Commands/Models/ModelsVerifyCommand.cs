using System.CommandLine;
using Orator.Models.Store;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands.Models;

/// <summary><c>orator models verify [name]</c>: re-hash installed files against the sha256 recorded at install.</summary>
internal static class ModelsVerifyCommand
{
    public static Command Create(ModelStoreOptions store)
    {
        var name = new Argument<string?>("name") { Description = "One installed model (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify", "Check installed files still have the sha256 recorded when they were installed.") { name };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            ModelStoreSettings settings;
            try
            {
                settings = store.Settings(result);
            }
            catch (Exception ex) when (ex is ArgumentException or OratorConfigurationException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"orator models verify: {ex.Message}");
                return 2;
            }

            var wanted = result.GetValue(name);
            var models = new ModelInventory(settings.Layout).List().Where(m => wanted is null || string.Equals(m.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            if (models.Count == 0)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"orator models verify: {(wanted is null ? "nothing is installed" : $"'{wanted}' is not installed")} in {settings.Layout.Root}.");
                return 2;
            }

            var verifier = new ModelVerifier(settings.Layout);
            var outcomes = await verifier.VerifyAsync(models.SelectMany(m => m.RelativePaths).Distinct(StringComparer.Ordinal), cancellationToken);
            foreach (var outcome in outcomes)
            {
                await output.WriteLineAsync($"  {(outcome.Ok ? "ok " : "BAD")} {outcome.RelativePath}: {outcome.Detail}");
            }

            return outcomes.All(o => o.Ok) ? 0 : ModelsCommand.ExitCode(Orator.Models.ModelStoreError.Corrupted);
        });
        return command;
    }
}
