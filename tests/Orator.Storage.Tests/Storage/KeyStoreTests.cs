using Orator.Storage.Keys;
using Orator.Storage.Tests.Infrastructure;

namespace Orator.Storage.Tests.Storage;

public abstract class KeyStoreTests : StorageTestBase
{
    [Fact]
    public async Task A_created_key_has_the_prefix_and_only_a_salted_hash_is_stored()
    {
        var created = await Storage.Keys.CreateAsync(new NewKey("team-a"), CancellationToken.None);

        Assert.StartsWith(ApiKeySecret.Prefix + created.Record.Id + "_", created.Secret, StringComparison.Ordinal);
        var stored = await Storage.Keys.FindAsync(created.Record.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(ApiKeySecret.TryParse(created.Secret, out _, out var secret));
        Assert.True(ApiKeySecret.Verify(stored.Salt, stored.Hash, secret));
        Assert.Equal(ApiKeySecret.SaltSize, stored.Salt.Length);
        Assert.DoesNotContain(secret.ToString(), Convert.ToHexString(stored.Hash), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(created.Secret, created.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_keys_with_the_same_secret_text_would_still_hash_differently_because_salts_differ()
    {
        var a = await Storage.Keys.CreateAsync(new NewKey("a"), CancellationToken.None);
        var b = await Storage.Keys.CreateAsync(new NewKey("b"), CancellationToken.None);

        Assert.NotEqual(a.Record.Salt, b.Record.Salt);
        Assert.NotEqual(ApiKeySecret.Hash(a.Record.Salt, "same"), ApiKeySecret.Hash(b.Record.Salt, "same"));
    }

    [Fact]
    public async Task Models_limits_and_expiry_round_trip()
    {
        var expires = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var created = await Storage.Keys.CreateAsync(new NewKey("limited", ["tts-1", "flite"], new KeyLimits(60, 1000, 10_000, 100_000), expires), CancellationToken.None);

        var stored = (await Storage.Keys.FindAsync(created.Record.Id, CancellationToken.None))!;
        Assert.Equal(["tts-1", "flite"], stored.Models);
        Assert.Equal(new KeyLimits(60, 1000, 10_000, 100_000), stored.Limits);
        Assert.Equal(expires, stored.ExpiresAt);
        Assert.True(stored.AllowsModel("TTS-1"));
        Assert.False(stored.AllowsModel("espeak"));
    }

    [Fact]
    public async Task Revoke_marks_the_key_and_a_second_revoke_reports_nothing_to_do()
    {
        var created = await Storage.Keys.CreateAsync(new NewKey("gone"), CancellationToken.None);

        Assert.True(await Storage.Keys.RevokeAsync(created.Record.Id, CancellationToken.None));
        Assert.False(await Storage.Keys.RevokeAsync(created.Record.Id, CancellationToken.None));
        Assert.False(await Storage.Keys.RevokeAsync("nosuchkey000", CancellationToken.None));
        var stored = (await Storage.Keys.FindAsync(created.Record.Id, CancellationToken.None))!;
        Assert.False(stored.IsActiveAt(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Rotate_keeps_the_id_and_limits_and_only_the_new_secret_verifies()
    {
        var created = await Storage.Keys.CreateAsync(new NewKey("r", null, new KeyLimits(5)), CancellationToken.None);
        var rotated = await Storage.Keys.RotateAsync(created.Record.Id, CancellationToken.None);

        Assert.NotNull(rotated);
        Assert.Equal(created.Record.Id, rotated.Record.Id);
        Assert.Equal(5, rotated.Record.Limits.RequestsPerMinute);
        Assert.NotEqual(created.Secret, rotated.Secret);
        var stored = (await Storage.Keys.FindAsync(created.Record.Id, CancellationToken.None))!;
        Assert.True(ApiKeySecret.TryParse(created.Secret, out _, out var oldSecret));
        Assert.False(ApiKeySecret.Verify(stored.Salt, stored.Hash, oldSecret));
        Assert.True(ApiKeySecret.TryParse(rotated.Secret, out _, out var newSecret));
        Assert.True(ApiKeySecret.Verify(stored.Salt, stored.Hash, newSecret));
        Assert.NotNull(stored.RotatedAt);
    }

    [Fact]
    public async Task A_revoked_key_cannot_be_rotated()
    {
        var created = await Storage.Keys.CreateAsync(new NewKey("r"), CancellationToken.None);
        await Storage.Keys.RevokeAsync(created.Record.Id, CancellationToken.None);

        Assert.Null(await Storage.Keys.RotateAsync(created.Record.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("'; DROP TABLE api_keys; --")]
    [InlineData("\"); DELETE FROM usage_records; --")]
    [InlineData("Robert'); DROP TABLE rate_counters;--")]
    [InlineData("名前 with ' quotes \" and \\ backslashes")]
    public async Task Hostile_names_are_stored_as_data_and_the_tables_survive(string name)
    {
        var created = await Storage.Keys.CreateAsync(new NewKey(name), CancellationToken.None);

        var list = await Storage.Keys.ListAsync(CancellationToken.None);
        Assert.Equal(name, Assert.Single(list).Name);
        Assert.Null(await Storage.Keys.FindAsync("' OR '1'='1", CancellationToken.None));
        Assert.False(await Storage.Keys.RevokeAsync("' OR '1'='1", CancellationToken.None));
        Assert.True((await Storage.Keys.FindAsync(created.Record.Id, CancellationToken.None))!.IsActiveAt(DateTimeOffset.UtcNow));
        Assert.Empty(await Storage.Usage.SummarizeAsync(new Usage.UsageQuery(Usage.UsageGrouping.Key, "' OR '1'='1"), CancellationToken.None));
    }

    [Fact]
    public async Task Keys_are_listed_oldest_first_and_counted()
    {
        await Storage.Keys.CreateAsync(new NewKey("first"), CancellationToken.None);
        await Task.Delay(5);
        await Storage.Keys.CreateAsync(new NewKey("second"), CancellationToken.None);

        Assert.Equal(["first", "second"], (await Storage.Keys.ListAsync(CancellationToken.None)).Select(k => k.Name));
        Assert.Equal(2, await Storage.Keys.CountAsync(CancellationToken.None));
    }
}

public sealed class SqliteKeyStoreTests : KeyStoreTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Sqlite;
}

public sealed class PostgresKeyStoreTests : KeyStoreTests
{
    protected override DatabaseTarget Target => DatabaseTarget.Postgres;
}
