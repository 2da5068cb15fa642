using System.Diagnostics;
using System.Net.Http.Json;

namespace Orator.Bench;

/// <summary>
/// One request's timings as the client saw them; <see cref="Ok"/> is false for a non-2xx answer.
/// <see cref="Backend"/> is the server's <c>x-orator-backend</c> header (<c>local</c> or an upstream's name).
/// </summary>
public readonly record struct SpeechTiming(bool Ok, double TtfaMs, double TotalMs, long Bytes, string? Backend = null);

/// <summary>Sends one speech request over real HTTP and reads the whole streamed body.</summary>
internal static class SpeechClient
{
    public static HttpClient Create(string url) =>
        new() { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };

    public static async Task<SpeechTiming> SpeakAsync(HttpClient http, string model, string voice, string input, string format, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/audio/speech")
        {
            Content = JsonContent.Create(new { model, voice, input, response_format = format }),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var backend = BackendOf(response);
        if (!response.IsSuccessStatusCode)
        {
            return new SpeechTiming(false, 0, clock.Elapsed.TotalMilliseconds, 0, backend);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        var n = await stream.ReadAsync(buffer, cancellationToken);
        var ttfa = clock.Elapsed.TotalMilliseconds;
        long total = n;
        while (n > 0)
        {
            n = await stream.ReadAsync(buffer, cancellationToken);
            total += n;
        }

        return new SpeechTiming(true, ttfa, clock.Elapsed.TotalMilliseconds, total, backend);
    }

    /// <summary>The <c>x-orator-backend</c> header of <paramref name="response"/>, or null without one.</summary>
    public static string? BackendOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-orator-backend", out var values) ? values.FirstOrDefault() : null;
}
