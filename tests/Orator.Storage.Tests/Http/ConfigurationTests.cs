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
}
