using Orator.Core.Audio;
using Orator.Speech.Caching;
using Orator.Speech.Configuration;
using Orator.Speech.Planning;
using Orator.Speech.Rendering;
using Orator.Speech.Tests.Support;

namespace Orator.Speech.Tests.Caching;

/// <summary>The cache on its own: keys from real plans, budgets, recency, clearing, the disk tier.</summary>
[Collection(LocalSpeechCollection.Name)]
public sealed class RenderCacheTests(LocalSpeechFixture fixture) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orator-cache-unit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private SpeechPlan Plan(string input, AudioFormat format = AudioFormat.Mp3, string voice = "alloy") =>
        fixture.Speech.Planner.Plan(TestRequests.Speech(input, voice, "tts-1", format)).Plan!;

    private static async Task<byte[]> RenderThroughAsync(RenderCache cache, SpeechPlan plan)
    {
        var output = new MemorySpeechOutput();
        var lookup = await cache.LookupAsync(RenderKey.Of(plan), CancellationToken.None);
        var outcome = lookup.Entry is { } entry
            ? await RenderCache.ReplayAsync(entry, plan, output, CancellationToken.None)
            : await lookup.Lease!.RenderAsync(plan, output, CancellationToken.None);
        Assert.Equal(RenderStatus.Completed, outcome.Status);
        Assert.NotNull(output.Summary);
        return output.Bytes;
    }

    [Fact]
    public void Keys_are_stable_and_change_with_anything_that_changes_the_sound()
    {
        var a = RenderKey.Of(Plan("Ten dollars."));
        Assert.Equal(a, RenderKey.Of(Plan("Ten dollars.")));
        Assert.NotEqual(a, RenderKey.Of(Plan("Ten dollars!")));
        Assert.NotEqual(a, RenderKey.Of(Plan("Ten dollars.", AudioFormat.Opus)));
        Assert.NotEqual(a, RenderKey.Of(Plan("Ten dollars.", voice: "echo")));
        Assert.NotEqual(a, RenderKey.Of(Plan("Ten dollars.") with { ResidualTempo = 1.1f }));
        Assert.NotEqual(a, RenderKey.Of(Plan("Ten dollars.") with { OutputSampleRate = 48000 }));
        Assert.Matches("^[0-9a-f]{64}$", a.Text);
    }

    [Fact]
    public async Task The_least_recently_used_entry_goes_first_and_the_budget_holds()
    {
        var cache = new RenderCache(new CacheOptions { MemoryMB = 1 }, "test");
        var plans = Enumerable.Range(0, 12).Select(i => Plan($"Entry number {i} is long enough to weigh something in the budget, sentence after sentence after sentence.", AudioFormat.Wav)).ToArray();
        await RenderThroughAsync(cache, plans[0]);
        for (var i = 1; i < plans.Length; i++)
        {
            await RenderThroughAsync(cache, plans[i]);
            // Keep entry 0 fresh: it must survive while others are evicted.
            Assert.True(cache.Holds(RenderKey.Of(plans[0])), $"entry 0 was evicted after {i} others");
            await RenderThroughAsync(cache, plans[0]);
            Assert.InRange(cache.MemoryBytes, 1, 1024 * 1024);
        }

        Assert.True(cache.Evictions > 0, "the budget was never reached");
        Assert.False(cache.Holds(RenderKey.Of(plans[1])), "the oldest unused entry is still held");
    }

    [Fact]
    public async Task A_render_that_began_before_a_clear_is_not_stored()
    {
        var cache = new RenderCache(new CacheOptions { MemoryMB = 8 }, "before");
        var plan = Plan("Rendered across a reload.");
        var lookup = await cache.LookupAsync(RenderKey.Of(plan), CancellationToken.None);
        cache.Clear("after");
        await lookup.Lease!.RenderAsync(plan, new MemorySpeechOutput(), CancellationToken.None);

        Assert.False(cache.Holds(RenderKey.Of(plan)));
        Assert.Equal(0, cache.MemoryEntries);
    }

    [Fact]
    public async Task Disk_entries_survive_a_restart_of_the_same_build_but_not_a_change_of_models()
    {
        var plan = Plan("Kept on disk between runs.");
        var options = new CacheOptions { Directory = _folder, DiskMB = 4 };
        var first = new RenderCache(options, "models-a");
        var rendered = await RenderThroughAsync(first, plan);
        await WaitForAsync(() => first.DiskEntries == 1);

        var restarted = new RenderCache(options, "models-a");
        var lookup = await restarted.LookupAsync(RenderKey.Of(plan), CancellationToken.None);
        Assert.True(lookup.IsHit);
        Assert.Equal(rendered, await RenderThroughAsync(restarted, plan));

        var changed = new RenderCache(options, "models-b");
        Assert.Equal(0, changed.DiskEntries);
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.render"));
    }

    [Fact]
    public async Task A_damaged_file_on_disk_is_a_miss_and_is_removed()
    {
        var plan = Plan("This file will be damaged.");
        var options = new CacheOptions { Directory = _folder, DiskMB = 4 };
        var cache = new RenderCache(options, "x");
        await RenderThroughAsync(cache, plan);
        await WaitForAsync(() => cache.DiskEntries == 1);
        var file = Assert.Single(Directory.EnumerateFiles(_folder, "*.render"));
        await File.WriteAllBytesAsync(file, (await File.ReadAllBytesAsync(file))[..100]);

        var restarted = new RenderCache(options, "x");
        var lookup = await restarted.LookupAsync(RenderKey.Of(plan), CancellationToken.None);

        Assert.False(lookup.IsHit);
        lookup.Lease!.Dispose();
        Assert.False(File.Exists(file));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "timed out waiting for the disk write");
    }
}
