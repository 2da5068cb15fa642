using System.Globalization;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// SillyTavern's "OpenAI Compatible" TTS provider: the page posts to SillyTavern's own server, which posts to
/// the Provider Endpoint setting (src/endpoints/openai.js, <c>/api/openai/custom/generate-voice</c>) with
/// <c>Authorization: Bearer </c> followed by the saved key, or by nothing when no key is saved, and the body
/// <c>{"input", "response_format": "mp3", "voice", "speed", "model"}</c>. It asks the server for nothing else:
/// its voices are the comma-separated "Available Voices" setting.
/// </summary>
internal sealed class SillyTavern(Uri baseAddress, string? apiKey, string model = "tts-1", double speed = 1)
{
    /// <summary>The "Available Voices" setting as shipped.</summary>
    public static IReadOnlyList<string> DefaultVoices { get; } = ["alloy", "echo", "fable", "onyx", "nova", "shimmer"];

    /// <summary>The Provider Endpoint setting, as typed: http://host:port/v1/audio/speech.</summary>
    public string ProviderEndpoint { get; } = new Uri(baseAddress, "v1/audio/speech").ToString();

    /// <summary>Speaks a message (or a voice preview) with <paramref name="voice"/>.</summary>
    public Task<ClientResponse> SpeakAsync(string voice, string input) => ClientHttp.SendAsync(
        HttpMethod.Post,
        ProviderEndpoint,
        // node-fetch's own headers, then SillyTavern's.
        [("Accept", "*/*"), ("User-Agent", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"), ("Accept-Encoding", "gzip,deflate"),
            ("Content-Type", "application/json"), ("Authorization", $"Bearer {apiKey ?? ""}")],
        $"{{\"input\":{ClientHttp.Quote(input)},\"response_format\":\"mp3\",\"voice\":{ClientHttp.Quote(voice)},"
            + $"\"speed\":{speed.ToString(CultureInfo.InvariantCulture)},\"model\":{ClientHttp.Quote(model)}}}");
}
