using System.Net;
using Orator.Functional.Tests.Clients;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Api;

/// <summary><c>Orator:PublicCatalog=false</c>: the listings need a key like every other /v1 route.</summary>
public sealed class PrivateCatalogTests(PrivateCatalogServerFixture server) : IClassFixture<PrivateCatalogServerFixture>
{
    [Theory]
    [InlineData("v1/models")]
    [InlineData("v1/models/tts-1")]
    [InlineData("v1/audio/models")]
    [InlineData("v1/audio/voices")]
    public async Task A_listing_without_a_key_is_a_401_missing_key_and_with_the_key_it_answers(string path)
    {
        using var anonymous = server.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        using var keyed = server.CreateClient();

        using var refused = await anonymous.GetAsync(path);
        using var answered = await keyed.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var error = await SpeechCalls.ReadErrorAsync(refused);
        Assert.Equal("invalid_api_key", error.Code);
        Assert.StartsWith("You didn't provide an API key.", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Open_webui_then_shows_its_built_in_lists_because_it_sends_no_key_on_discovery()
    {
        var webui = new OpenWebUi(server.BaseAddress, KeyedServerFixture.Key);

        var models = await webui.ModelsAsync();
        var voices = await webui.VoicesAsync();

        Assert.True(models.FellBack);
        Assert.True(voices.FellBack);
        Assert.Equal(OpenWebUi.BuiltInVoices, voices.Ids);
    }
}
