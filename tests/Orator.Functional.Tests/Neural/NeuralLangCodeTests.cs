using System.Net;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Neural;

/// <summary><c>lang_code</c> on Kokoro voices (fixture model: its samples echo the token ids, so other phonemes mean other audio).</summary>
public sealed class NeuralLangCodeTests(NeuralServerFixture server) : IClassFixture<NeuralServerFixture>
{
    private const string Text = "Bonjour tout le monde.";

    [Theory]
    [InlineData("f")]
    [InlineData("fr")]
    [InlineData("e")]
    public async Task A_kokoro_voice_speaks_another_of_kokoro_s_languages_with_its_own_timbre(string code)
    {
        using var client = server.CreateClient();
        var english = await client.SpeakAsync(new { model = "kokoro", voice = "af_heart", input = Text, response_format = "pcm" });

        using var response = await client.PostSpeechAsync(new { model = "kokoro", voice = "af_heart", input = Text, response_format = "pcm", lang_code = code });

        var other = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("kokoro:af_heart", response.Headers.GetValues("x-orator-voice").Single());
        Assert.NotEqual(english, other);
    }

    [Fact]
    public async Task Lang_code_a_on_an_american_voice_changes_nothing()
    {
        using var client = server.CreateClient();
        var plain = await client.SpeakAsync(new { model = "kokoro", voice = "af_heart", input = Text, response_format = "pcm" });

        Assert.Equal(plain, await client.SpeakAsync(new { model = "kokoro", voice = "af_heart", input = Text, response_format = "pcm", lang_code = "a" }));
    }

    [Fact]
    public async Task A_language_kokoro_lacks_is_a_400_on_lang_code()
    {
        using var client = server.CreateClient();
        using var response = await client.PostSpeechAsync(new { model = "kokoro", voice = "af_heart", input = Text, lang_code = "de" });

        var error = await SpeechCalls.ReadErrorAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("lang_code", error.Param);
        Assert.Contains("Kokoro speaks", error.Message, StringComparison.Ordinal);
    }
}
