using System.Text.Json;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// Open WebUI as a speech client (backend/open_webui/routers/audio.py): Admin Panel, Settings, Audio,
/// Text-to-Speech Engine "OpenAI", with the API Base URL and API Key the admin typed. It lists models with
/// <c>GET {base}/audio/models</c> and voices with <c>GET {base}/audio/voices</c> through python-requests with no
/// Authorization header (newer releases send the key there when one is set), and falls back to its own lists
/// when either call fails. Speech goes through aiohttp with <c>Authorization: Bearer {key}</c>, an empty key
/// included, and the body <c>{"model", "input", "voice"}</c>.
/// </summary>
internal sealed class OpenWebUi(Uri baseAddress, string apiKey)
{
    /// <summary>The models it shows when the server's list cannot be read.</summary>
    public static IReadOnlyList<string> BuiltInModels { get; } = ["gpt-4o-mini-tts", "tts-1", "tts-1-hd"];

    /// <summary>The voices it shows when the server's list cannot be read.</summary>
    public static IReadOnlyList<string> BuiltInVoices { get; } =
        ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"];

    // The API Base URL as typed: http://host:port/v1, no trailing slash.
    private readonly string _base = new Uri(baseAddress, "v1").ToString().TrimEnd('/');

    private static readonly (string, string)[] RequestsHeaders =
        [("User-Agent", "python-requests/2.32.3"), ("Accept-Encoding", "gzip, deflate"), ("Accept", "*/*"), ("Connection", "keep-alive")];

    /// <summary>The TTS Model picker: <c>data.get("models", [])</c>, each entry's id.</summary>
    public async Task<Picker> ModelsAsync()
    {
        var response = await ClientHttp.SendAsync(HttpMethod.Get, $"{_base}/audio/models", RequestsHeaders);
        if (!TryParse(response, out var json))
        {
            return new Picker([.. BuiltInModels.Select(m => (m, m))], FellBack: true);
        }

        using (json)
        {
            return json.RootElement.TryGetProperty("models", out var models)
                ? new Picker([.. models.EnumerateArray().Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("id").GetString()!))], FellBack: false)
                : new Picker([], FellBack: false);
        }
    }

    /// <summary>The TTS Voice picker: <c>{voice["id"]: voice["name"] for voice in data.get("voices", [])}</c>.</summary>
    public async Task<Picker> VoicesAsync()
    {
        var response = await ClientHttp.SendAsync(HttpMethod.Get, $"{_base}/audio/voices", RequestsHeaders);
        if (!TryParse(response, out var json))
        {
            return new Picker([.. BuiltInVoices.Select(v => (v, v))], FellBack: true);
        }

        using (json)
        {
            if (!json.RootElement.TryGetProperty("voices", out var voices))
            {
                return new Picker([], FellBack: false);
            }

            try
            {
                return new Picker([.. voices.EnumerateArray().Select(v => (v.GetProperty("id").GetString()!, v.GetProperty("name").GetString()!))], FellBack: false);
            }
            catch (KeyNotFoundException)
            {
                // A voice without id or name raises inside the comprehension: the built-in list is shown.
                return new Picker([.. BuiltInVoices.Select(v => (v, v))], FellBack: true);
            }
        }
    }

    /// <summary>Reads a message aloud as the chat's speaker button does.</summary>
    public Task<ClientResponse> SpeakAsync(string model, string voice, string input) => ClientHttp.SendAsync(
        HttpMethod.Post,
        $"{_base}/audio/speech",
        [("User-Agent", "Python/3.11 aiohttp/3.11.18"), ("Accept", "*/*"), ("Accept-Encoding", "gzip, deflate"),
            ("Content-Type", "application/json"), ("Authorization", $"Bearer {apiKey}")],
        $"{{\"model\": {ClientHttp.Quote(model)}, \"input\": {ClientHttp.Quote(input)}, \"voice\": {ClientHttp.Quote(voice)}}}");

    private static bool TryParse(ClientResponse response, out JsonDocument json)
    {
        json = null!;
        if (!response.Ok)
        {
            return false;
        }

        try
        {
            json = JsonDocument.Parse(response.Body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
