using System.Globalization;
using System.Text.Json;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// Home Assistant's OpenAI TTS integration (custom_components/openai_tts): its settings are the full speech URL
/// and an optional API key. Speech goes to that URL with <c>User-Agent: HomeAssistant-OpenAI-TTS</c>, the
/// Authorization header only when a key is set, and the body <c>{"model", "input", "voice", "response_format",
/// "speed"}</c> (mp3; opus on the streaming path of earlier releases) plus <c>instructions</c> when set. Voices,
/// as docs/speech-api-contract.md reads the integration: <c>GET .../audio/voices</c> with the key when set,
/// taking <c>voices</c>, <c>data</c>, <c>items</c> or a bare list, entries strings or
/// <c>{id or voice_id, name or label}</c>; release 3.7 also takes a voice typed in (custom value).
/// </summary>
internal sealed class HomeAssistant(Uri baseAddress, string? apiKey)
{
    /// <summary>The URL setting, as typed: http://host:port/v1/audio/speech.</summary>
    public string SpeechUrl { get; } = new Uri(baseAddress, "v1/audio/speech").ToString();

    private IEnumerable<(string, string)> Headers(bool json)
    {
        if (json)
        {
            yield return ("Content-Type", "application/json");
        }

        yield return ("User-Agent", "HomeAssistant-OpenAI-TTS");
        if (!string.IsNullOrEmpty(apiKey))
        {
            yield return ("Authorization", $"Bearer {apiKey}");
        }
    }

    /// <summary>The voice dropdown, filled from the server when it answers.</summary>
    public async Task<Picker> VoicesAsync()
    {
        var url = SpeechUrl[..SpeechUrl.LastIndexOf('/')] + "/voices";
        var response = await ClientHttp.SendAsync(HttpMethod.Get, url, Headers(json: false));
        if (!response.Ok)
        {
            return new Picker([], FellBack: true);
        }

        using var json = JsonDocument.Parse(response.Body);
        var root = json.RootElement;
        var list = root.ValueKind == JsonValueKind.Array ? root
            : root.TryGetProperty("voices", out var voices) ? voices
            : root.TryGetProperty("data", out var data) ? data
            : root.TryGetProperty("items", out var items) ? items
            : default;
        if (list.ValueKind != JsonValueKind.Array)
        {
            return new Picker([], FellBack: true);
        }

        return new Picker([.. list.EnumerateArray().Select(Entry).Where(e => e.Id.Length > 0)], FellBack: false);
    }

    /// <summary>Speaks as the tts.speak action does (<paramref name="speed"/> as the number slider stores it).</summary>
    public Task<ClientResponse> SpeakAsync(string model, string voice, string input, string responseFormat = "mp3", double speed = 1.0, string? instructions = null)
    {
        var body = $"{{\"model\": {ClientHttp.Quote(model)}, \"input\": {ClientHttp.Quote(input)}, \"voice\": {ClientHttp.Quote(voice)}, "
            + $"\"response_format\": {ClientHttp.Quote(responseFormat)}, \"speed\": {PythonFloat(speed)}"
            + (instructions is null ? "" : $", \"instructions\": {ClientHttp.Quote(instructions)}") + "}";
        return ClientHttp.SendAsync(HttpMethod.Post, SpeechUrl, Headers(json: true), body);
    }

    private static (string Id, string Name) Entry(JsonElement voice)
    {
        if (voice.ValueKind == JsonValueKind.String)
        {
            return (voice.GetString()!, voice.GetString()!);
        }

        var id = Text(voice, "id") ?? Text(voice, "voice_id") ?? "";
        return (id, Text(voice, "name") ?? Text(voice, "label") ?? id);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // json.dumps writes a float with its point: 1.0, 1.25.
    private static string PythonFloat(double value) =>
        value == Math.Floor(value) ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
