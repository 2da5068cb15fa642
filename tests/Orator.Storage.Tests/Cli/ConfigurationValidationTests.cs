using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Cli;

/// <summary>
/// A bad setting stops the command before it opens storage or starts a worker: one <c>error:</c>
/// line per problem naming the key, exit status 2, no stack trace, no database file, no worker run.
/// </summary>
public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly IsolatedCli _cli = new();

    public ConfigurationValidationTests() => _cli.WatchWorkers();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("--Orator:Workers=abc", "Orator:Workers must be a whole number between 0 and 64 (got 'abc').")]
    [InlineData("--Orator:Pauses:SentenceMs=-5", "Orator:Pauses:SentenceMs must be between 0 and 10000 (got -5).")]
    [InlineData("--Orator:MaxRequestBodyBytes=10", "Orator:MaxRequestBodyBytes must be between 1024 and 16777216 (got 10).")]
    [InlineData("--Orator:Storage:Provider=postgres", "Orator:Storage:ConnectionString must be set when Orator:Storage:Provider is 'postgres' (an Npgsql connection string).")]
    [InlineData("--Orator:Voices:alloy:Rate=9", "Orator:Voices:alloy:Voice must name an engine voice as engine:voice, e.g. flite:slt (got '').")]
    public async Task Serve_with_a_bad_value_on_the_command_line_says_which_key_and_starts_nothing(string argument, string expected)
    {
        var (code, _, error) = await _cli.RunAsync("serve", "--urls", "http://127.0.0.1:0", argument);

        AssertRefusedBeforeStarting(code, error, expected);
    }

    [Fact]
    public async Task Serve_reports_every_bad_value_from_every_layer_in_one_go()
    {
        _cli.Write("work/orator.json", """{ "Orator": { "QueueTimeoutSeconds": 0 } }""");
        _cli.Environment["Orator__Storage__KeyCacheSeconds"] = "later";
        var (code, _, error) = await _cli.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--workers", "65");

        AssertRefusedBeforeStarting(code, error, "Orator:Storage:KeyCacheSeconds must be a number between 0 and 3600 (got 'later').");
        Assert.Contains("error: Orator:Workers must be between 0 and 64 (got 65); 0 = one per CPU core.", error, StringComparison.Ordinal);
        Assert.Contains("error: Orator:QueueTimeoutSeconds must be between 1 and 3600 (got 0).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_orator_config_file_stops_serve_with_its_name()
    {
        _cli.Environment["ORATOR_CONFIG"] = "nowhere.json";
        var (code, _, error) = await _cli.RunAsync("serve", "--urls", "http://127.0.0.1:0");

        AssertRefusedBeforeStarting(code, error, $"ORATOR_CONFIG names 'nowhere.json' ({Path.Combine(_cli.WorkingDirectory, "nowhere.json")}), which does not exist.");
    }

    [Fact]
    public async Task Voices_reads_and_checks_the_same_configuration()
    {
        _cli.Environment["Orator__Pauses__LineMs"] = "20000";
        var (code, _, error) = await _cli.RunAsync("voices");

        AssertRefusedBeforeStarting(code, error, "Orator:Pauses:LineMs must be between 0 and 10000 (got 20000).");
    }

    [Fact]
    public async Task Keys_refuses_a_bad_storage_setting_before_creating_the_database()
    {
        var (code, _, error) = await _cli.RunAsync("keys", "list", "--Orator:Storage:UsageBatchSize=0");

        AssertRefusedBeforeStarting(code, error, "Orator:Storage:UsageBatchSize must be between 1 and 10000 (got 0).");
    }

    [Fact]
    public async Task A_valid_configuration_creates_the_database_and_starts_the_worker_the_probe_watches()
    {
        // The control for the tests above: the same probe sees a worker and a database when startup goes ahead.
        var line = await _cli.ServeAndReadAsync("Workers: ");

        Assert.Equal("Workers: 1 engine processes", line);
        Assert.True(_cli.WorkerStarted, "the worker probe did not run");
        Assert.True(File.Exists(_cli.DefaultDatabase), "no database in the test's data folder");
    }

    private void AssertRefusedBeforeStarting(int code, string error, string expected)
    {
        Assert.Equal(2, code);
        Assert.Contains("error: " + expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.DefaultDatabase), "the database was created");
        Assert.False(_cli.WorkerStarted, "a worker was started");
    }
}
