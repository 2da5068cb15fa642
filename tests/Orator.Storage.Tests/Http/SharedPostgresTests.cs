using System.Net;
using Orator.Storage.Keys;
using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Http;

public sealed class SharedPostgresTests
{
    [Fact]
    public async Task Two_server_instances_on_one_postgres_database_enforce_one_limit_together()
    {
        var options = await DatabaseTarget.Postgres.NewDatabaseAsync();
        await using var first = await TestServer.StartAsync(options);
        await using var second = await TestServer.StartAsync(options);
        await using var cli = await OratorStorage.OpenAsync(options);
        await Calls.AwayFromMinuteEndAsync();
        var key = await cli.Keys.CreateAsync(new NewKey("shared", Limits: new KeyLimits(RequestsPerMinute: 12, CharactersPerDay: 40)), CancellationToken.None);
        using var a = first.Client(key.Secret);
        using var b = second.Client(key.Secret);

        var requests = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).GetAsync("v1/models")));
        Assert.Equal(12, requests.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(28, requests.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Contains(requests.Take(20), r => r.IsSuccessStatusCode || r.StatusCode == HttpStatusCode.TooManyRequests);

        // Characters: a second key with only a daily quota, spent from both instances at once.
        var quotaKey = await cli.Keys.CreateAsync(new NewKey("quota", Limits: new KeyLimits(CharactersPerDay: 40)), CancellationToken.None);
        using var qa = first.Client(quotaKey.Secret);
        using var qb = second.Client(quotaKey.Secret);
        var speech = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? qa : qb).SpeakAsync("abcde")));
        Assert.Equal(8, speech.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(8, speech.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var r in requests.Concat(speech))
        {
            r.Dispose();
        }
    }
}
