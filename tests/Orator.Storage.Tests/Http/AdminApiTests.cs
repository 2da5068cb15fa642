using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Http;

public abstract class AdminApiTests<TServer>(TServer fixture) : IClassFixture<TServer> where TServer : ServerOnDatabase
{
    private HttpClient Admin() => fixture.Server.Client(ServerOnDatabase.AdminKey);

    [Fact]
    public async Task Create_returns_the_secret_once_and_the_key_works_at_once()
    {
        using var admin = Admin();

        using var created = await admin.PostAsJsonAsync("admin/keys", new { name = "via-admin", models = new[] { "tts-1" }, rpm = 100, chars_per_day = 1000 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var secret = body.RootElement.GetProperty("secret").GetString()!;
        var id = body.RootElement.GetProperty("key").GetProperty("id").GetString()!;
        Assert.StartsWith("sk-orator-" + id, secret, StringComparison.Ordinal);
        Assert.Equal(100, body.RootElement.GetProperty("key").GetProperty("rpm").GetInt64());
        using var user = fixture.Server.Client(secret);
        using var models = await user.GetAsync("v1/models");
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        var list = await admin.GetStringAsync("admin/keys");
        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[^32..], list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_through_the_admin_api_takes_effect_on_the_next_request()
    {
        var key = await fixture.Storage.Keys.CreateAsync(new Keys.NewKey("to revoke"), CancellationToken.None);
        using var user = fixture.Server.Client(key.Secret);
        using (var ok = await user.GetAsync("v1/models"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var admin = Admin();
        using var revoked = await admin.PostAsync($"admin/keys/{key.Record.Id}/revoke", null);
        using var after = await user.GetAsync("v1/models");
        using var again = await admin.PostAsync($"admin/keys/{key.Record.Id}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("\"status\":\"revoked\"", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Rotate_through_the_admin_api_swaps_the_secret_at_once()
    {
        var key = await fixture.Storage.Keys.CreateAsync(new Keys.NewKey("to rotate"), CancellationToken.None);
        using var admin = Admin();

        using var rotated = await admin.PostAsync($"admin/keys/{key.Record.Id}/rotate", null);
        using var body = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync());
        var secret = body.RootElement.GetProperty("secret").GetString()!;
        using var oldClient = fixture.Server.Client(key.Secret);
        using var newClient = fixture.Server.Client(secret);
        using var oldResponse = await oldClient.GetAsync("v1/models");
        using var newResponse = await newClient.GetAsync("v1/models");

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newResponse.StatusCode);
    }

    [Fact]
    public async Task Usage_report_groups_by_key_model_and_day()
    {
        var key = await fixture.Storage.Keys.CreateAsync(new Keys.NewKey("metered"), CancellationToken.None);
        using (var user = fixture.Server.Client(key.Secret))
        {
            using var a = await user.SpeakAsync("abc");
            using var b = await user.SpeakAsync("de", model: "flite", format: "wav");
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        }

        await fixture.WaitForUsageAsync(key.Record.Id, 2);
        using var admin = Admin();
        using var byKey = JsonDocument.Parse(await admin.GetStringAsync($"admin/usage?by=key&key={key.Record.Id}"));
        using var byModel = JsonDocument.Parse(await admin.GetStringAsync($"admin/usage?by=model&key={key.Record.Id}&since=2020-01-01"));
        using var byDay = JsonDocument.Parse(await admin.GetStringAsync($"admin/usage?by=day&key={key.Record.Id}"));
        using var bad = await admin.GetAsync("admin/usage?by=colour");

        var row = Assert.Single(byKey.RootElement.GetProperty("data").EnumerateArray());
        Assert.Equal(2, row.GetProperty("requests").GetInt64());
        Assert.Equal(5, row.GetProperty("characters").GetInt64());
        Assert.True(row.GetProperty("audio_seconds").GetDouble() > 0);
        Assert.Equal(["flite", "tts-1"], byModel.RootElement.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("group").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), Assert.Single(byDay.RootElement.GetProperty("data").EnumerateArray()).GetProperty("group").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Usage_report_counts_cache_hits_in_every_grouping()
    {
        var id = (await fixture.Storage.Keys.CreateAsync(new Keys.NewKey("cached"), CancellationToken.None)).Record.Id;
        var now = DateTimeOffset.UtcNow;
        await fixture.Storage.Usage.AppendAsync(
        [
            new($"hit-{id}", id, "/v1/audio/speech", "tts-1", "flite", "flite:slt", "mp3", 3, 0.5, 1.0, 200, now, CacheHit: true),
            new($"miss-{id}", id, "/v1/audio/speech", "tts-1", "flite", "flite:slt", "mp3", 4, 0.5, 9.0, 200, now),
        ], CancellationToken.None);
        using var admin = Admin();

        foreach (var by in new[] { "key", "model", "day" })
        {
            using var report = JsonDocument.Parse(await admin.GetStringAsync($"admin/usage?by={by}&key={id}"));
            var row = Assert.Single(report.RootElement.GetProperty("data").EnumerateArray());
            Assert.Equal(2, row.GetProperty("requests").GetInt64());
            Assert.Equal(7, row.GetProperty("characters").GetInt64());
            Assert.Equal(0, row.GetProperty("errors").GetInt64());
            Assert.Equal(1, row.GetProperty("cache_hits").GetInt64());
        }
    }

    [Fact]
    public async Task Usage_report_groups_by_backend_with_unserved_requests_as_none()
    {
        var id = (await fixture.Storage.Keys.CreateAsync(new Keys.NewKey("routed"), CancellationToken.None)).Record.Id;
        var now = DateTimeOffset.UtcNow;
        await fixture.Storage.Usage.AppendAsync(
        [
            new($"local-1-{id}", id, "/v1/audio/speech", "tts-1", "flite", "flite:slt", "mp3", 3, 0.5, 1.0, 200, now, Backend: "local"),
            new($"local-2-{id}", id, "/v1/audio/speech", "tts-1", "flite", "flite:slt", "mp3", 4, 0.5, 1.0, 200, now, CacheHit: true, Backend: "local"),
            new($"up-{id}", id, "/v1/audio/speech", "tts-1", null, null, "mp3", 6, 1.0, 30.0, 200, now, Backend: "gpu-box"),
            new($"refused-{id}", id, "/v1/audio/speech", "tts-1", null, null, "mp3", 0, 0, null, 429, now),
        ], CancellationToken.None);
        using var admin = Admin();

        using var report = JsonDocument.Parse(await admin.GetStringAsync($"admin/usage?by=backend&key={id}"));

        Assert.Equal("backend", report.RootElement.GetProperty("by").GetString());
        var rows = report.RootElement.GetProperty("data").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!, StringComparer.Ordinal);
        Assert.Equal(["(none)", "gpu-box", "local"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("local", report.RootElement.GetProperty("data")[0].GetProperty("group").GetString()); // most requests first
        Assert.Equal(2, rows["local"].GetProperty("requests").GetInt64());
        Assert.Equal(7, rows["local"].GetProperty("characters").GetInt64());
        Assert.Equal(1, rows["local"].GetProperty("cache_hits").GetInt64());
        Assert.Equal(6, rows["gpu-box"].GetProperty("characters").GetInt64());
        Assert.Equal(1.0, rows["gpu-box"].GetProperty("audio_seconds").GetDouble());
        Assert.Equal(1, rows["(none)"].GetProperty("requests").GetInt64());
        Assert.Equal(1, rows["(none)"].GetProperty("errors").GetInt64());
    }

    [Fact]
    public async Task Usage_report_refuses_an_unknown_grouping_and_names_the_ones_it_knows()
    {
        using var admin = Admin();

        using var bad = await admin.GetAsync("admin/usage?by=colour");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var body = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("by", error.GetProperty("param").GetString());
        Assert.Equal("'by' must be key, model, day or backend.", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-admin-key")]
    [InlineData(ServerOnDatabase.StaticKey)]
    public async Task The_admin_api_refuses_anything_but_the_admin_key(string? presented)
    {
        using var client = fixture.Server.Client(presented);

        using var response = await client.GetAsync("admin/keys");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_admin_key", (await Calls.ErrorAsync(response)).Code);
    }

    [Theory]
    [InlineData("{}", "name")]
    [InlineData("{\"name\":\"x\",\"rpm\":0}", "rpm")]
    [InlineData("{\"name\":\"x\",\"chars_per_day\":-5}", "chars_per_day")]
    [InlineData("not json", null)]
    public async Task Bad_create_requests_get_a_400_in_openai_shape(string json, string? param)
    {
        using var admin = Admin();
        using var content = new StringContent(json, new MediaTypeHeaderValue("application/json"));

        using var response = await admin.PostAsync("admin/keys", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(param, body.RootElement.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task A_create_body_over_the_byte_cap_gets_a_413_in_openai_shape_and_makes_no_key()
    {
        using var admin = Admin();
        var before = (await fixture.Storage.Keys.ListAsync(CancellationToken.None)).Count;
        var json = "{\"name\":\"" + new string('x', 1_000_000) + "\"}";
        using var content = new StringContent(json, new MediaTypeHeaderValue("application/json"));

        using var response = await admin.PostAsync("admin/keys", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(before, (await fixture.Storage.Keys.ListAsync(CancellationToken.None)).Count);
    }
}

public sealed class SqliteAdminApiTests(SqliteServer fixture) : AdminApiTests<SqliteServer>(fixture);

public sealed class PostgresAdminApiTests(PostgresServer fixture) : AdminApiTests<PostgresServer>(fixture);
