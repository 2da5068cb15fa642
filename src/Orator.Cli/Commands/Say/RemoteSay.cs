using System.Net.Http.Json;
using System.Text.Json;
using Orator.Core.Audio;

namespace Orator.Cli.Commands.Say;

/// <summary><c>orator say --server URL</c>: the same request through the HTTP API of a running Orator (or any OpenAI-compatible server).</summary>
internal static class RemoteSay
{
    /// <summary>Posts <paramref name="say"/> and saves the answer; returns the exit status (a 4xx is 2, anything else failing 1).</summary>
    public static async Task<int> RunAsync(SayRequest say, string baseUrl, string? apiKey, SayConsole console, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await say.Input.ReadAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return console.Fail(SayExit.Refused, say.Input.CannotRead(ex));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return console.Fail(SayExit.Refused, SayText.Empty);
        }

        var body = new Dictionary<string, object>
        {
            ["model"] = say.Model,
            ["voice"] = say.Voice,
            ["input"] = text,
            ["response_format"] = AudioFormats.NameOf(say.Format),
            ["speed"] = say.Speed,
        };
        if (say.Instructions is not null)
        {
            body["instructions"] = say.Instructions;
        }

        if (!Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseAddress))
        {
            return console.Fail(SayExit.Refused, $"--server '{baseUrl}' is not an absolute URL.");
        }

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        try
        {
            using var response = await http.PostAsJsonAsync("v1/audio/speech", body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadAsStringAsync(cancellationToken);
                var status = (int)response.StatusCode;
                return console.Fail(status is >= 400 and < 500 ? SayExit.Refused : SayExit.Failed, $"{status}: {ErrorMessage(error)}");
            }

            await using var destination = SayDestination.Open(say.Output);
            await response.Content.CopyToAsync(destination.Stream, cancellationToken);
            return console.Wrote(destination, await destination.CompleteAsync(say.Format, cancellationToken), audioSeconds: 0);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return console.Fail(SayExit.Cancelled, "cancelled.");
        }
        catch (HttpRequestException ex)
        {
            return console.Fail(SayExit.Failed, $"{baseAddress}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return console.Fail(SayExit.Failed, $"cannot write {say.Output}: {ex.Message}");
        }
    }

    private static string ErrorMessage(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty("error").GetProperty("message").GetString() ?? json;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return json;
        }
    }
}
