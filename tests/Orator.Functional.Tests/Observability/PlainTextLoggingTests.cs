using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Observability;

public sealed class PlainTextLoggingTests(PlainTextLoggingServerFixture server) : IClassFixture<PlainTextLoggingServerFixture>
{
    [Fact]
    public async Task Plain_log_lines_carry_the_request_id_and_the_text_only_when_asked_for()
    {
        using var client = server.CreateClient();
        var text = $"Loggable marker {Guid.NewGuid():N} spoken aloud.";
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = text, voice = "alloy", response_format = "wav" });
        await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode);
        var requestId = response.Headers.GetValues("x-request-id").Single();

        var lines = await server.LinesOfAsync(requestId, text);

        // Orator.Speech[3000] is "Spoke ...", [3004] the opted-in text; both on the request's lines.
        Assert.Contains(lines, l => l.Contains("Orator.Speech[3000]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Orator.Speech[3004]", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal));
        Assert.All(
            server.Output.Split('\n').Where(l => l.Contains("Orator.Speech[", StringComparison.Ordinal) && l.Contains("marker", StringComparison.Ordinal)),
            l => Assert.Contains(requestId, l, StringComparison.Ordinal));
    }
}
