using System.Buffers;

namespace Orator.Audio.Dsp;

/// <summary>
/// An array rented from <see cref="ArrayPool{T}.Shared"/> that can grow (rarely) and goes back
/// to the pool on <see cref="Dispose"/>.
/// </summary>
internal sealed class PooledArray<T> : IDisposable
{
    private T[]? _array;

    public PooledArray(int minimumLength)
    {
        _array = ArrayPool<T>.Shared.Rent(Math.Max(minimumLength, 1));
    }

    /// <summary>The rented array (may be longer than asked for).</summary>
    public T[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledArray<T>));

    /// <summary>
    /// Makes the array at least <paramref name="length"/> long, keeping its first <paramref name="preserve"/>
    /// items; when it grows, everything after them is cleared.
    /// </summary>
    public void EnsureCapacity(int length, int preserve)
    {
        T[] current = Array;
        if (current.Length >= length)
        {
            return;
        }

        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(length, current.Length * 2));
        current.AsSpan(0, preserve).CopyTo(larger);
        larger.AsSpan(preserve).Clear();
        ArrayPool<T>.Shared.Return(current);
        _array = larger;
    }

    public void Dispose()
    {
        T[]? array = _array;
        _array = null;
        if (array is not null)
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }
}
