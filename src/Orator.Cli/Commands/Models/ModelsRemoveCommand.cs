using System.CommandLine;
using Orator.Models.Store;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands.Models;

/// <summary><c>orator models remove &lt;name&gt;</c>.</summary>
internal static class ModelsRemoveCommand
{
    public static Command Create(ModelStoreOptions store)
    {
        var name = new Argument<string>("name") { Description = "An installed model: kokoro, kokoro-fp16, kokoro-int8 or piper:<voice>." };
        var command = new Command("remove", "Delete a model's files from the store (the Kokoro voice pack goes with the last Kokoro variant).") { name };
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
                await result.InvocationConfiguration.Error.WriteLineAsync($"orator models remove: {ex.Message}");
                return 2;
            }

            var model = result.GetValue(name)!;
            var paths = new ModelInventory(settings.Layout).FilesToRemove(model);
            if (paths.Count == 0)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"orator models remove: '{model}' is not installed in {settings.Layout.Root} (see 'orator models list').");
                return 2;
            }

            var removed = await new ModelRemover(settings.Layout).RemoveAsync(paths, cancellationToken);
            foreach (var path in removed)
            {
                await output.WriteLineAsync($"  removed {settings.Layout.PathOf(path)}");
            }

            await output.WriteLineAsync($"{model} removed.");
            return 0;
        });
        return command;
    }
}
