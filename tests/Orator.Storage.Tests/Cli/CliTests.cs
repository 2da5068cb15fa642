using System.Net;
using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Cli;

public abstract class CliTests
{
    protected abstract DatabaseTarget Target { get; }

    private static string SecretIn(string output) =>
        Assert.Single(output.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("sk-orator-", StringComparison.Ordinal));

    [Fact]
    public async Task Keys_made_rotated_and_revoked_with_the_cli_govern_a_running_server_and_usage_reports_them()
    {
        var options = await Target.NewDatabaseAsync();
        var cli = new CliRunner(options);

        var (code, created, err) = await cli.RunAsync("keys", "create", "--name", "cli team", "--models", "tts-1,flite", "--rpm", "100", "--chars-per-day", "5000", "--expires", "2099-12-31");
        Assert.True(code == 0, err);
        var secret = SecretIn(created);
        var id = secret["sk-orator-".Length..][..12];

        await using var server = await TestServer.StartAsync(options);
        using (var client = server.Client(secret))
        {
            using var spoken = await client.SpeakAsync("Hello from the CLI test.");
            using var refused = await client.SpeakAsync(model: "espeak");
            Assert.Equal(HttpStatusCode.OK, spoken.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var (_, list, _) = await cli.RunAsync("keys", "list");
        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.Contains("cli team", list, StringComparison.Ordinal);
        Assert.Contains("tts-1,flite", list, StringComparison.Ordinal);
        Assert.Contains("5000", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[^32..], list, StringComparison.Ordinal);

        var (rotateCode, rotated, _) = await cli.RunAsync("keys", "rotate", id);
        Assert.Equal(0, rotateCode);
        var newSecret = SecretIn(rotated);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the test server trusts a cached key row for 1 s
        using (var oldClient = server.Client(secret))
        using (var newClient = server.Client(newSecret))
        {
            using var oldResponse = await oldClient.GetAsync("v1/models");
            using var newResponse = await newClient.GetAsync("v1/models");
            Assert.Equal(HttpStatusCode.Unauthorized, oldResponse.StatusCode);
            Assert.Equal(HttpStatusCode.OK, newResponse.StatusCode);
        }

        var (revokeCode, revoked, _) = await cli.RunAsync("keys", "revoke", id);
        Assert.Equal(0, revokeCode);
        Assert.Contains("Revoked", revoked, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using (var newClient = server.Client(newSecret))
        using (var after = await newClient.GetAsync("v1/models"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        var (again, _, againErr) = await cli.RunAsync("keys", "revoke", id);
        Assert.Equal(1, again);
        Assert.Contains("No active key", againErr, StringComparison.Ordinal);
        var (_, listAfter, _) = await cli.RunAsync("keys", "list");
        Assert.Contains("revoked", listAfter, StringComparison.Ordinal);

        await server.DisposeAsync(); // flushes usage
        var (_, byKey, _) = await cli.RunAsync("usage", "--by", "key", "--key", id);
        var (_, byModel, _) = await cli.RunAsync("usage", "--by", "model", "--since", "2020-01-01");
        var (_, byDay, _) = await cli.RunAsync("usage", "--by", "day");
        var keyRow = Assert.Single(byKey.Split('\n'), l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.Equal(["4", "24"], keyRow.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..3]); // 4 requests, 24 characters
        Assert.Equal("0", keyRow.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]); // no cache hits
        Assert.Contains("CACHE_HITS", byKey, StringComparison.Ordinal);
        Assert.Contains("tts-1", byModel, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.ToString("yyyy-MM-dd"), byDay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_shows_cache_hits_per_group_in_the_last_column()
    {
        var options = await Target.NewDatabaseAsync();
        await using (var storage = await OratorStorage.OpenAsync(options))
        {
            var time = new DateTimeOffset(2030, 1, 31, 12, 0, 0, TimeSpan.Zero);
            Usage.UsageRecord hit = new("c1", "kHit", "/v1/audio/speech", "tts-1", "flite", "flite:slt", "mp3", 5, 1.0, 2.0, 200, time, CacheHit: true);
            await storage.Usage.AppendAsync([hit, hit with { RequestId = "c2" }, hit with { RequestId = "c3", CacheHit = false }], CancellationToken.None);
        }

        var (code, byKey, err) = await new CliRunner(options).RunAsync("usage", "--by", "key");

        Assert.True(code == 0, err);
        var lines = byKey.Split('\n');
        var header = Assert.Single(lines, l => l.StartsWith("KEY ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var row = Assert.Single(lines, l => l.StartsWith("kHit", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["KEY", "REQUESTS", "CHARACTERS", "AUDIO_S", "ERRORS", "CACHE_HITS"], header);
        Assert.Equal(["kHit", "3", "15", "3.0", "0", "2"], row);
    }

    [Fact]
    public async Task Usage_by_backend_shows_a_row_per_backend_and_none_for_requests_that_reached_none()
    {
        var options = await Target.NewDatabaseAsync();
        await using (var storage = await OratorStorage.OpenAsync(options))
        {
            var time = new DateTimeOffset(2030, 1, 31, 12, 0, 0, TimeSpan.Zero);
            Usage.UsageRecord local = new("d1", "kBk", "/v1/audio/speech", "tts-1", "flite", "flite:slt", "mp3", 5, 1.0, 2.0, 200, time, Backend: "local");
            await storage.Usage.AppendAsync(
            [
                local,
                local with { RequestId = "d2", CacheHit = true },
                local with { RequestId = "d3", Backend = "gpu-box", Characters = 9, AudioSeconds = 2.5 },
                local with { RequestId = "d4", Backend = null, Characters = 0, AudioSeconds = 0, Status = 429 },
            ], CancellationToken.None);
        }

        var (code, byBackend, err) = await new CliRunner(options).RunAsync("usage", "--by", "backend");

        Assert.True(code == 0, err);
        var lines = byBackend.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var header = Assert.Single(lines, l => l.StartsWith("BACKEND ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["BACKEND", "REQUESTS", "CHARACTERS", "AUDIO_S", "ERRORS", "CACHE_HITS"], header);
        Assert.Equal(["local", "2", "10", "2.0", "0", "1"], Row("local"));
        Assert.Equal(["(none)", "1", "0", "0.0", "1", "0"], Row("(none)"));
        Assert.Equal(["gpu-box", "1", "9", "2.5", "0", "0"], Row("gpu-box"));

        string[] Row(string group) => Assert.Single(lines, l => l.StartsWith(group + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory]
    [InlineData("keys", "create")]
    [InlineData("keys", "create", "--name", "x", "--expires", "not-a-date")]
    [InlineData("keys", "create", "--name", "x", "--rpm", "0")]
    [InlineData("usage", "--by", "colour")]
    [InlineData("usage", "--since", "yesterday-ish")]
    public async Task Bad_arguments_exit_non_zero_with_a_message(params string[] args)
    {
        var cli = new CliRunner(await Target.NewDatabaseAsync());

        var (code, output, error) = await cli.RunAsync(args);

        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error + output));
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }
}

public sealed class SqliteCliTests : CliTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Sqlite;
}

public sealed class PostgresCliTests : CliTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Postgres;
}
