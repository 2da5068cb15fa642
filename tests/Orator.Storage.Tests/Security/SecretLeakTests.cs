using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orator.Storage.Keys;
using Orator.Storage.Tests.Infrastructure;
using Orator.Testing.Logging;

namespace Orator.Storage.Tests.Security;

public sealed class SecretLeakTests
{
    private const string AdminKey = "admin-secret-for-log-test-4242";
    private const string StaticKey = "sk-static-secret-for-log-test-4242";

    [Fact]
    public async Task Keys_never_appear_in_logs_or_error_bodies()
    {
        var options = await DatabaseTarget.Sqlite.NewDatabaseAsync();
        var capture = new CapturingLoggerProvider();
        await using (var server = await TestServer.StartAsync(options,
            ["--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft=Trace", "--Logging:LogLevel:Microsoft.AspNetCore=Trace", $"--Orator:AdminKey={AdminKey}", $"--Orator:ApiKeys:0={StaticKey}"],
            builder => builder.Logging.AddProvider(capture)))
        {
            var bodies = new List<string>();
            using var admin = server.Client(AdminKey);
            using var created = await admin.PostAsJsonAsync("admin/keys", new { name = "leak-test", models = new[] { "tts-1" }, rpm = 2 });
            using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            var secret = body.RootElement.GetProperty("secret").GetString()!;
            var id = body.RootElement.GetProperty("key").GetProperty("id").GetString()!;
            var wrongSecret = secret[..^4] + "zzzz";

            async Task Call(string? key, Func<HttpClient, Task<HttpResponseMessage>> send)
            {
                using var client = server.Client(key);
                using var response = await send(client);
                bodies.Add(await response.Content.ReadAsStringAsync());
            }

            await Call(secret, c => c.SpeakAsync("Hello."));
            await Call(secret, c => c.SpeakAsync(model: "espeak"));          // 403
            await Call(secret, c => c.GetAsync("v1/models"));                 // 429 (rpm 2)
            await Call(wrongSecret, c => c.GetAsync("v1/models"));            // 401
            await Call(StaticKey + "x", c => c.GetAsync("v1/models"));        // 401
            await Call(StaticKey, c => c.SpeakAsync("Hi."));
            await Call(AdminKey + "x", c => c.GetAsync("admin/keys"));        // 401 admin
            await Call(AdminKey, c => c.PostAsync($"admin/keys/{id}/rotate", null));
            await Call(secret, c => c.GetAsync("v1/models"));                 // 401 after rotation
            await Call(AdminKey, c => c.PostAsync($"admin/keys/{id}/revoke", null));

            string[] secrets = [secret, secret[^32..], wrongSecret[^32..], StaticKey, AdminKey];
            Assert.True(capture.Entries.Count > 20, $"expected trace logging to capture many entries, got {capture.Entries.Count}");
            foreach (var s in secrets)
            {
                Assert.DoesNotContain(capture.Entries, e => e.Contains(s, StringComparison.Ordinal));
                // Error bodies: only the create/rotate answers carry a secret, and only their own.
                Assert.DoesNotContain(bodies.Where(b => b.Contains("\"error\"", StringComparison.Ordinal)), b => b.Contains(s, StringComparison.Ordinal));
            }

            Assert.Contains(bodies, b => b.Contains("\"code\":\"invalid_api_key\"", StringComparison.Ordinal));
            Assert.Contains(bodies, b => b.Contains("\"code\":\"model_not_allowed\"", StringComparison.Ordinal));
            Assert.Contains(bodies, b => b.Contains("\"code\":\"rate_limit_exceeded\"", StringComparison.Ordinal));
        }
    }
}
