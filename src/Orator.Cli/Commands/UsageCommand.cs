using System.CommandLine;
using System.Globalization;
using Orator.Storage.Keys;
using Orator.Storage.Usage;

namespace Orator.Cli.Commands;

/// <summary><c>orator usage [--key K] [--since D] [--by key|model|day|backend]</c>: totals from the usage records.</summary>
internal static class UsageCommand
{
    public static Command Create()
    {
        var key = new Option<string?>("--key") { Description = "Only this key id (or whole key); 'static' for ORATOR_API_KEYS keys." };
        var since = new Option<string?>("--since") { Description = "Only requests at or after this date/time (UTC unless an offset is given)." };
        var by = new Option<string>("--by") { Description = $"Group by {UsageGroupingNames.Listed}.", DefaultValueFactory = _ => "key" };
        by.AcceptOnlyFromAmong([.. UsageGroupingNames.All]);
        var command = new Command("usage", $"Show requests, characters, audio seconds, errors and cache hits per {UsageGroupingNames.Listed}.") { key, since, by };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            DateTimeOffset? from = null;
            if (result.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return StorageCommand.Fail($"--since '{text}' is not a date or time.");
                }

                from = parsed;
            }

            var keyId = result.GetValue(key);
            if (keyId is not null && ApiKeySecret.TryParse(keyId, out var parsedId, out _))
            {
                keyId = parsedId;
            }

            if (!UsageGroupingNames.TryParse(result.GetValue(by), out var grouping))
            {
                return StorageCommand.Fail($"--by must be {UsageGroupingNames.Listed}."); // AcceptOnlyFromAmong refuses first
            }
            await using var storage = await StorageCommand.TryOpenAsync(result, cancellationToken);
            if (storage is null)
            {
                return ConfigurationErrors.ExitCode;
            }

            var rows = await storage.Usage.SummarizeAsync(new UsageQuery(grouping, keyId, from), cancellationToken);
            Console.Out.WriteLine($"{grouping.ToString().ToUpperInvariant(),-20} {"REQUESTS",9} {"CHARACTERS",11} {"AUDIO_S",10} {"ERRORS",7} {"CACHE_HITS",10}");
            foreach (var row in rows)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Group,-20} {row.Requests,9} {row.Characters,11} {row.AudioSeconds,10:F1} {row.Errors,7} {row.CacheHits,10}"));
            }

            return 0;
        });
        return command;
    }
}
