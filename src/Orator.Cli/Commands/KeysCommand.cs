using System.CommandLine;
using System.Globalization;
using Orator.Storage.Keys;

namespace Orator.Cli.Commands;

/// <summary><c>orator keys create | list | revoke | rotate</c>: manage stored API keys.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create, list, revoke and rotate stored API keys (Orator:Storage decides where they live).");
        command.Subcommands.Add(CreateCommand());
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(ChangeCommand("revoke", "Revoke a key; servers refuse it within seconds."));
        command.Subcommands.Add(ChangeCommand("rotate", "Give a key a new secret (same id, limits and usage); the old secret stops working."));
        return command;
    }

    private static Command CreateCommand()
    {
        var name = new Option<string>("--name") { Description = "A label for the key (who it is for).", Required = true };
        var models = new Option<string[]>("--models") { Description = "Models the key may use (comma separated or repeated); default all.", AllowMultipleArgumentsPerToken = true };
        var rpm = new Option<long?>("--rpm") { Description = "Requests per minute." };
        var cpm = new Option<long?>("--chars-per-minute") { Description = "Input characters per minute." };
        var cpd = new Option<long?>("--chars-per-day") { Description = "Input characters per UTC day (quota)." };
        var cpmo = new Option<long?>("--chars-per-month") { Description = "Input characters per UTC month (quota)." };
        var expires = new Option<string?>("--expires") { Description = "When the key stops working, e.g. 2027-01-31 or 2027-01-31T12:00:00Z (UTC unless an offset is given)." };
        var command = new Command("create", "Create a key and print its secret once.") { name, models, rpm, cpm, cpd, cpmo, expires };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var limits = new KeyLimits(result.GetValue(rpm), result.GetValue(cpm), result.GetValue(cpd), result.GetValue(cpmo));
            if (new[] { limits.RequestsPerMinute, limits.CharactersPerMinute, limits.CharactersPerDay, limits.CharactersPerMonth }.Any(v => v is < 1))
            {
                return StorageCommand.Fail("limits must be 1 or more (leave a limit out for none).");
            }

            DateTimeOffset? expiresAt = null;
            if (result.GetValue(expires) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return StorageCommand.Fail($"--expires '{text}' is not a date or time.");
                }

                expiresAt = parsed;
            }

            var modelList = (result.GetValue(models) ?? []).SelectMany(m => m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var keyName = result.GetValue(name)!;
            if (string.IsNullOrWhiteSpace(keyName))
            {
                return StorageCommand.Fail("--name must not be empty.");
            }

            await using var storage = await StorageCommand.TryOpenAsync(result, cancellationToken);
            if (storage is null)
            {
                return ConfigurationErrors.ExitCode;
            }

            var created = await storage.Keys.CreateAsync(new NewKey(keyName.Trim(), modelList, limits, expiresAt), cancellationToken);
            Console.Out.WriteLine($"Created key {created.Record.Id} ({created.Record.Name}) in {storage.Provider} {storage.Location}.");
            Console.Out.WriteLine("Secret (shown only now; only a salted hash is stored):");
            Console.Out.WriteLine(created.Secret);
            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var command = new Command("list", "List keys (never their secrets).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var storage = await StorageCommand.TryOpenAsync(result, cancellationToken);
            if (storage is null)
            {
                return ConfigurationErrors.ExitCode;
            }

            var now = DateTimeOffset.UtcNow;
            Console.Out.WriteLine($"{"ID",-12} {"NAME",-20} {"STATUS",-8} {"MODELS",-16} {"RPM",6} {"CHR/MIN",8} {"CHR/DAY",9} {"CHR/MONTH",10} {"EXPIRES",-20} CREATED");
            foreach (var key in await storage.Keys.ListAsync(cancellationToken))
            {
                var status = key.RevokedAt is not null ? "revoked" : key.ExpiresAt is { } e && now >= e ? "expired" : "active";
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{key.Id,-12} {Clip(key.Name, 20),-20} {status,-8} {Clip(key.Models is null ? "all" : string.Join(",", key.Models), 16),-16} {Limit(key.Limits.RequestsPerMinute),6} {Limit(key.Limits.CharactersPerMinute),8} {Limit(key.Limits.CharactersPerDay),9} {Limit(key.Limits.CharactersPerMonth),10} {key.ExpiresAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never",-20} {key.CreatedAt:u}"));
            }

            return 0;
        });
        return command;
    }

    private static Command ChangeCommand(string verb, string description)
    {
        var id = new Argument<string>("id") { Description = "The key id (as listed), or the whole key." };
        var command = new Command(verb, description) { id };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var keyId = result.GetValue(id)!;
            if (ApiKeySecret.TryParse(keyId, out var parsed, out _))
            {
                keyId = parsed;
            }

            await using var storage = await StorageCommand.TryOpenAsync(result, cancellationToken);
            if (storage is null)
            {
                return ConfigurationErrors.ExitCode;
            }

            if (verb == "revoke")
            {
                if (!await storage.Keys.RevokeAsync(keyId, cancellationToken))
                {
                    Console.Error.WriteLine($"No active key with id '{keyId}'.");
                    return 1;
                }

                Console.Out.WriteLine($"Revoked key {keyId}.");
                return 0;
            }

            var rotated = await storage.Keys.RotateAsync(keyId, cancellationToken);
            if (rotated is null)
            {
                Console.Error.WriteLine($"No active key with id '{keyId}'.");
                return 1;
            }

            Console.Out.WriteLine($"Rotated key {keyId}; the old secret no longer works. New secret (shown only now):");
            Console.Out.WriteLine(rotated.Secret);
            return 0;
        });
        return command;
    }

    private static string Limit(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "~";
}
