using System.Globalization;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// n8n's OpenAI node, resource Audio, operation Generate Audio (@n8n/n8n-nodes-langchain, actions/audio/generate.operation.ts):
/// it posts <c>{"model", "input", "voice", "response_format", "speed"}</c> (mp3 and 1 unless the node's options say
/// otherwise) to the OpenAI credential's Base URL plus <c>/audio/speech</c>, with <c>Authorization: Bearer</c> and the
/// credential's API Key (a required field, so always something), the organization header when one is set, and saves
/// the body as binary data <c>audio.&lt;format&gt;</c>. It lists nothing from the server.
/// </summary>
internal sealed class N8n(Uri baseAddress, string apiKey, string? organization = null)
{
    /// <summary>The credential's Base URL: http://host:port/v1.</summary>
    public string BaseUrl { get; } = new Uri(baseAddress, "v1").ToString();

    /// <summary>Runs the node once.</summary>
    public Task<ClientResponse> GenerateAudioAsync(string input, string model = "tts-1", string voice = "alloy", string responseFormat = "mp3", double speed = 1)
    {
        List<(string Name, string Value)> headers =
        [
            ("Accept", "application/json, text/plain, */*"), ("Content-Type", "application/json"), ("User-Agent", "n8n"),
            ("Authorization", $"Bearer {apiKey}"),
        ];
        if (organization is not null)
        {
            headers.Add(("OpenAI-Organization", organization));
        }

        return ClientHttp.SendAsync(
            HttpMethod.Post,
            BaseUrl + "/audio/speech",
            headers,
            $"{{\"model\":{ClientHttp.Quote(model)},\"input\":{ClientHttp.Quote(input)},\"voice\":{ClientHttp.Quote(voice)},"
                + $"\"response_format\":{ClientHttp.Quote(responseFormat)},\"speed\":{speed.ToString(CultureInfo.InvariantCulture)}}}");
    }
}
