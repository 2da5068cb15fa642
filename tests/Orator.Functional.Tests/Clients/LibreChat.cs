using System.Text;

namespace Orator.Functional.Tests.Clients;

/// <summary>
/// LibreChat's <c>openai</c> TTS provider (librechat.yaml <c>speech.tts.openai</c>; api/server/services/Files/Audio/TTSService.js):
/// its server posts axios' JSON <c>{"input", "model", "voice"}</c> (no <c>response_format</c>, so mp3) to the
/// <c>url</c> setting, the full speech URL, with <c>Authorization: Bearer</c> and the <c>apiKey</c> setting's value,
/// which reads <c>undefined</c> when the setting is left out. A message of 4096 characters or more is cut into pieces
/// of at most 1000 characters, each spoken by its own request, the answers piped one after another into one mp3.
/// It lists no voices from the server: they are the <c>voices</c> setting.
/// </summary>
internal sealed class LibreChat(Uri baseAddress, string? apiKey, string model = "tts-1")
{
    /// <summary>The longest piece LibreChat sends for a long message.</summary>
    public const int PieceCharacters = 1000;

    /// <summary>The <c>url</c> setting: http://host:port/v1/audio/speech.</summary>
    public string Url { get; } = new Uri(baseAddress, "v1/audio/speech").ToString();

    /// <summary>Speaks <paramref name="message"/> as LibreChat does: one request, or one per piece of a long message.</summary>
    public async Task<IReadOnlyList<ClientResponse>> SpeakAsync(string voice, string message)
    {
        var answers = new List<ClientResponse>();
        foreach (var piece in message.Length < 4096 ? [message] : Pieces(message))
        {
            answers.Add(await ClientHttp.SendAsync(
                HttpMethod.Post,
                Url,
                [("Accept", "application/json, text/plain, */*"), ("Content-Type", "application/json"), ("User-Agent", "axios/1.7.9"),
                    ("Authorization", $"Bearer {apiKey ?? "undefined"}")],
                $"{{\"input\":{ClientHttp.Quote(piece)},\"model\":{ClientHttp.Quote(model)},\"voice\":{ClientHttp.Quote(voice)}}}"));
        }

        return answers;
    }

    /// <summary>Pieces of at most <see cref="PieceCharacters"/>, cut after a sentence where there is one.</summary>
    private static List<string> Pieces(string message)
    {
        var pieces = new List<string>();
        var rest = message;
        while (rest.Length > PieceCharacters)
        {
            var cut = rest.LastIndexOf(". ", PieceCharacters - 1, StringComparison.Ordinal);
            cut = cut <= 0 ? PieceCharacters : cut + 1;
            pieces.Add(rest[..cut].Trim());
            rest = rest[cut..];
        }

        if (rest.Trim().Length > 0)
        {
            pieces.Add(rest.Trim());
        }

        return pieces;
    }

    /// <summary>What LibreChat pipes to the browser: the answers' bytes one after another.</summary>
    public static byte[] Joined(IEnumerable<ClientResponse> answers)
    {
        var all = new List<byte>();
        foreach (var answer in answers)
        {
            all.AddRange(answer.Body);
        }

        return [.. all];
    }

    /// <summary>A message long enough to be cut (about 4,500 characters of sentences).</summary>
    public static string LongMessage()
    {
        var text = new StringBuilder();
        for (var i = 1; text.Length < 4500; i++)
        {
            text.Append("Part ").Append(i).Append(" of the answer explains one more step of the plan in plain words. ");
        }

        return text.ToString().Trim();
    }
}
