using System.Text.Json;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Observability;

public sealed class JsonLoggingTests(JsonLoggingServerFixture server) : IClassFixture<JsonLoggingServerFixture>
{
    [Fact]
    public async Task Json_log_lines_carry_the_request_id_and_never_the_input_text()
    {
        using var client = server.CreateClient();
        var secret = $"Secret marker {Guid.NewGuid():N} spoken aloud.";
        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = secret, voice = "alloy", response_format = "wav" });
        await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode);
        var requestId = response.Headers.GetValues("x-request-id").Single();

        var lines = await server.LinesOfAsync(requestId, "\"EventId\":3000");

        Assert.Contains(lines, l => l.Contains("\"EventId\":3000", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var scopes = json.RootElement.GetProperty("Scopes");
            Assert.Contains(scopes.EnumerateArray(), s => s.ValueKind == JsonValueKind.Object
                && s.TryGetProperty("RequestId", out var id) && id.GetString() == requestId);
        }

        Assert.DoesNotContain(secret, server.Output, StringComparison.Ordinal);
    }
}
