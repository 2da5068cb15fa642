namespace Orator.Storage.Tests.Infrastructure;

/// <summary>A fresh, migrated database for each test; subclasses pick SQLite or PostgreSQL.</summary>
public abstract class StorageTestBase : IAsyncLifetime
{
    private OratorStorage? _storage;

    protected abstract DatabaseTarget Target { get; }

    protected StorageOptions Options { get; private set; } = null!;

    protected OratorStorage Storage => _storage!;

    public async Task InitializeAsync()
    {
        Options = await Target.NewDatabaseAsync();
        _storage = await OratorStorage.OpenAsync(Options);
    }

    public async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }
}
