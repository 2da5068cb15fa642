using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orator.Server.Hosting;
using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Http;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task The_server_binds_the_admin_key_storage_and_the_other_orator_settings()
    {
        var options = await DatabaseTarget.Sqlite.NewDatabaseAsync();
        await using var server = await TestServer.StartAsync(options, ["--Orator:AdminKey=adm", "--Orator:Logging:IncludeText=true", "--Orator:MaxQueuedRequests=7", "--Orator:Pauses:SentenceMs=123"]);

        Assert.Equal("adm", server.Server.Options.AdminKey);
        Assert.True(server.Server.Options.Logging.IncludeText);
        Assert.Equal(1, server.Server.Options.Workers);
        Assert.Equal(7, server.Server.Options.MaxQueuedRequests);
        Assert.Equal(123, server.Server.Options.Pauses.SentenceMs);
        Assert.Equal(options.ConnectionString, server.Server.Options.Storage.ConnectionString);
        Assert.Equal(1, server.Server.Options.Storage.KeyCacheSeconds);
        Assert.Equal(options.ConnectionString, server.Server.Storage.Location);
    }

    [Fact]
    public async Task Every_component_reads_the_one_options_instance_that_was_validated()
    {
        var options = await DatabaseTarget.Sqlite.NewDatabaseAsync();
        await using var server = await TestServer.StartAsync(options, ["--Orator:MaxQueuedRequests=9"]);

        var services = server.Server.Services;
        Assert.Same(server.Server.Options, services.GetRequiredService<IOptions<OratorOptions>>().Value);
        Assert.Same(services.GetRequiredService<IOptions<OratorOptions>>(), services.GetRequiredService<IOptions<OratorOptions>>());
        Assert.Equal(9, services.GetRequiredService<IOptions<OratorOptions>>().Value.MaxQueuedRequests);
    }

    [Fact]
    public async Task Bad_values_stop_startup_with_every_problem_before_the_database_is_created()
    {
        var options = await DatabaseTarget.Sqlite.NewDatabaseAsync();

        var error = await Assert.ThrowsAsync<OratorConfigurationException>(() =>
            TestServer.StartAsync(options, ["--Orator:Workers=abc", "--Orator:Pauses:SentenceMs=-5", "--Orator:Storage:KeyCacheSeconds=-1"]));

        Assert.Equal(
            [
                "Orator:Workers must be a whole number between 0 and 64 (got 'abc').",
                "Orator:Pauses:SentenceMs must be between 0 and 10000 (got -5).",
                "Orator:Storage:KeyCacheSeconds must be between 0 and 3600 (got -1); 0 = read the key on every request.",
            ],
            error.Problems);
        Assert.False(File.Exists(options.ConnectionString), "the database was created");
    }
}
