using System.Globalization;
using System.Text;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Observability;

public sealed class MetricsTests(MetricsServerFixture server) : IClassFixture<MetricsServerFixture>
{
    private static readonly HashSet<string> OpenApiMethods = new(["get", "put", "post", "delete", "options", "head", "patch", "trace"], StringComparer.Ordinal);

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("metrics");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_with_every_orator_family_declared()
    {
        using var client = server.CreateClient();
        var metrics = await ScrapeAsync(client);

        Assert.Equal("counter", metrics.Types["orator_requests_total"]);
        Assert.Equal("histogram", metrics.Types["orator_time_to_first_audio_seconds"]);
        Assert.Equal("histogram", metrics.Types["orator_request_duration_seconds"]);
        Assert.Equal("counter", metrics.Types["orator_characters_synthesized_total"]);
        Assert.Equal("counter", metrics.Types["orator_audio_seconds_total"]);
        Assert.Equal("gauge", metrics.Types["orator_active_streams"]);
        Assert.Equal("gauge", metrics.Types["orator_queue_depth"]);
        Assert.Equal("gauge", metrics.Types["orator_engine_workers"]);
        Assert.Equal("counter", metrics.Types["orator_engine_worker_restarts_total"]);
        Assert.Equal(2, metrics.Sum("orator_engine_workers"));
        Assert.Equal(0, metrics.Sum("orator_queue_depth"));
        Assert.All(metrics.Types.Keys, name => Assert.StartsWith("orator_", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Speech_requests_move_the_counters_by_exactly_what_was_spoken()
    {
        using var client = server.CreateClient();
        const int n = 3;
        const string text = "Counting requests, naïvely: one sentence each.";
        var codePoints = text.EnumerateRunes().Count();
        (string, string)[] ok = [("route", "/v1/audio/speech"), ("model", "tts-1"), ("format", "wav"), ("status", "200")];
        var before = await ScrapeAsync(client);

        for (var i = 0; i < n; i++)
        {
            var wav = await client.SpeakAsync(new { model = "tts-1", input = text, voice = "alloy", response_format = "wav" });
            Assert.True((await AudioProbe.ProbeAsync(wav)).Rms > 0.01);
        }

        var after = await ScrapeAsync(client);
        Assert.Equal(n, after.Sum("orator_requests_total", ok) - before.Sum("orator_requests_total", ok));
        Assert.Equal(n * codePoints, after.Sum("orator_characters_synthesized_total") - before.Sum("orator_characters_synthesized_total"));
        Assert.True(after.Sum("orator_audio_seconds_total", ("format", "wav")) - before.Sum("orator_audio_seconds_total", ("format", "wav")) > n * 1.0);
        Assert.Equal(n, after.Sum("orator_time_to_first_audio_seconds_count", ("format", "wav")) - before.Sum("orator_time_to_first_audio_seconds_count", ("format", "wav")));
        Assert.Equal(0, after.Sum("orator_active_streams"));

        // The engine label is a catalog engine id, never empty for a spoken request.
        var engines = after.Samples.Where(s => s.Name == "orator_requests_total" && s.Labels["status"] == "200" && s.Labels["route"] == "/v1/audio/speech")
            .Select(s => s.Labels["engine"]).Distinct().ToList();
        Assert.NotEmpty(engines);
        Assert.DoesNotContain("", engines);
    }

    [Fact]
    public async Task A_rejected_request_counts_with_its_status_and_no_audio()
    {
        using var client = server.CreateClient();
        (string, string)[] bad = [("route", "/v1/audio/speech"), ("status", "400")];
        var before = await ScrapeAsync(client);

        using var response = await client.PostSpeechAsync(new { model = "tts-1", input = "Hello.", voice = "alloy", speed = 9 });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);

        var after = await ScrapeAsync(client);
        Assert.Equal(1, after.Sum("orator_requests_total", bad) - before.Sum("orator_requests_total", bad));
        Assert.Equal(before.Sum("orator_time_to_first_audio_seconds_count"), after.Sum("orator_time_to_first_audio_seconds_count"));
        Assert.Equal(before.Sum("orator_characters_synthesized_total"), after.Sum("orator_characters_synthesized_total"));
    }

    [Fact]
    public async Task Other_routes_are_labelled_by_pattern_and_unknown_paths_share_one_label()
    {
        using var client = server.CreateClient();
        var before = await ScrapeAsync(client);

        (await client.GetAsync("v1/models/tts-1")).Dispose();
        (await client.GetAsync("v1/models/no-such-model")).Dispose();
        (await client.GetAsync($"no/such/path/{Guid.NewGuid():N}")).Dispose();

        var after = await ScrapeAsync(client);
        Assert.Equal(1, after.Sum("orator_requests_total", ("route", "/v1/models/{id}"), ("status", "200")) - before.Sum("orator_requests_total", ("route", "/v1/models/{id}"), ("status", "200")));
        Assert.Equal(1, after.Sum("orator_requests_total", ("route", "/v1/models/{id}"), ("status", "404")) - before.Sum("orator_requests_total", ("route", "/v1/models/{id}"), ("status", "404")));
        Assert.Equal(1, after.Sum("orator_requests_total", ("route", "unmatched"), ("status", "404")) - before.Sum("orator_requests_total", ("route", "unmatched"), ("status", "404")));
        Assert.DoesNotContain(after.Samples, s => s.Labels.TryGetValue("route", out var r) && r.StartsWith("/no/", StringComparison.Ordinal));
        Assert.True(after.Sum("orator_request_duration_seconds_count", ("route", "/v1/models/{id}")) >= 2);
    }

    [Fact]
    public async Task Metrics_answer_only_get_and_head_and_refuse_other_methods_with_an_openai_405()
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsync("metrics", new StringContent(""));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "metrics"));

        Assert.Equal(System.Net.HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("method_not_allowed", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Ready_answers_200_when_workers_and_engines_are_up()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("workers").GetInt32());
        Assert.NotEqual(0, json.RootElement.GetProperty("engines").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("openapi.json");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.StartsWith("3.1", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");

        // Both directions, from what the running server maps, so a new route cannot go undocumented
        // and a removed one cannot linger in the document.
        var mapped = MappedRoutes.Of(server.Server);
        var documented = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => OpenApiMethods.Contains(op.Name)).Select(op => (Path: path.Name, Method: op.Name)))
            .ToHashSet();
        Assert.Contains(("/admin/keys", "post"), mapped); // the endpoint source really holds the routes
        Assert.Empty(mapped.Except(documented).Select(r => $"{r.Method} {r.Path}").Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(mapped).Select(r => $"{r.Method} {r.Path}").Order(StringComparer.Ordinal));

        var speech = paths.GetProperty("/v1/audio/speech").GetProperty("post");
        Assert.True(speech.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
        var request = root.GetProperty("components").GetProperty("schemas").GetProperty("CreateSpeechRequest").GetProperty("properties");
        Assert.Equal(4096, request.GetProperty("input").GetProperty("maxLength").GetInt32());
        Assert.Equal(6, request.GetProperty("response_format").GetProperty("enum").GetArrayLength());
        Assert.True(request.TryGetProperty("normalization", out _), "the normalization extension is not documented");
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());

        // The admin routes take the admin key, not an API key; every reference points at something.
        foreach (var (path, method) in mapped.Where(r => r.Path.StartsWith("/admin/", StringComparison.Ordinal)))
        {
            var security = paths.GetProperty(path).GetProperty(method).GetProperty("security");
            Assert.Equal("adminKey", Assert.Single(Assert.Single(security.EnumerateArray()).EnumerateObject()).Name);
        }

        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("adminKey").GetProperty("scheme").GetString());
        Assert.Empty(References(root).Where(r => Resolve(root, r) is null).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> References(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "$ref" && p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? [p.Value.GetString()!] : References(p.Value)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };

    // A local JSON pointer such as #/components/schemas/Model; null when it leads nowhere.
    private static System.Text.Json.JsonElement? Resolve(System.Text.Json.JsonElement root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var current = root;
        foreach (var token in reference[2..].Split('/'))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != System.Text.Json.JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }
}
