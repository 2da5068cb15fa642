namespace Orator.Cli.Tests.LongForm;

/// <summary>A reader that hands out at most a few characters per read, so line breaks fall across buffer refills.</summary>
internal sealed class TrickleReader(string text, int perRead) : TextReader
{
    private int _position;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var take = Math.Min(Math.Min(perRead, buffer.Length), text.Length - _position);
        text.AsSpan(_position, take).CopyTo(buffer);
        _position += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));
}
