using System.Data;
using System.Data.Common;

namespace Orator.Storage.Database;

/// <summary>A transaction that releases the in-process writer semaphore when it is disposed.</summary>
internal sealed class ReleasingTransaction(DbTransaction inner, SemaphoreSlim writer) : DbTransaction
{
    private bool _released;

    /// <summary>The provider's transaction, which commands must be given.</summary>
    public DbTransaction Inner => inner;

    public override IsolationLevel IsolationLevel => inner.IsolationLevel;

    protected override DbConnection? DbConnection => inner.Connection;

    public override void Commit() => inner.Commit();

    public override void Rollback() => inner.Rollback();

    public override Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);

    public override Task RollbackAsync(CancellationToken cancellationToken = default) => inner.RollbackAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            Release();
        }

        base.Dispose(disposing);
    }

    private void Release()
    {
        if (!_released)
        {
            _released = true;
            writer.Release();
        }
    }
}
