using System.Net;
using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Http;

public sealed class OpenServerTests
{
    [Fact]
    public async Task Without_static_or_stored_keys_the_server_is_open_until_a_key_is_stored()
    {
        var options = await DatabaseTarget.Sqlite.NewDatabaseAsync();
        await using var server = await TestServer.StartAsync(options);
        await using var cli = await OratorStorage.OpenAsync(options);
        using var anonymous = server.Client();

        using (var open = await anonymous.GetAsync("v1/models"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        Assert.True(server.Server.IsOpen);
        var key = await cli.Keys.CreateAsync(new Keys.NewKey("first"), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the key cache bound on the test server is 1 s
        // The listings stay public (Orator:PublicCatalog); speech is what closes.
        using var closed = await anonymous.SpeakAsync();
        using var keyed = await server.Client(key.Secret).SpeakAsync();
        using var listing = await anonymous.GetAsync("v1/models");

        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
    }

    [Fact]
    public async Task Without_an_admin_key_the_admin_api_does_not_exist()
    {
        var options = await DatabaseTarget.Sqlite.NewDatabaseAsync();
        await using var server = await TestServer.StartAsync(options);
        using var client = server.Client("anything");

        using var response = await client.GetAsync("admin/keys");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_url", (await Calls.ErrorAsync(response)).Code);
    }
}
