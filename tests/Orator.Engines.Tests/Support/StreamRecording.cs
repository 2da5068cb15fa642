using Orator.Core.Audio;

namespace Orator.Engines.Tests.Support;

/// <summary>A sink that records the whole stream in order: audio, word timings and segment ends.</summary>
internal sealed class StreamRecording : IPcmSink, IWordTimingSink
{
    private readonly List<short> _samples = [];

    /// <summary>Each event in stream order: a word (with where it came) or a segment's end (Word null).</summary>
    public List<(WordTiming? Word, int Segment, long SegmentSamplesBefore)> Events { get; } = [];

    public short[] Samples => [.. _samples];

    /// <summary>The length of each write, in order.</summary>
    public List<int> Writes { get; } = [];

    private long _segmentStart;

    public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        _samples.AddRange(samples.Span);
        Writes.Add(samples.Length);
        return ValueTask.CompletedTask;
    }

    public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken)
    {
        Events.Add((null, segment, _samples.Count - _segmentStart));
        _segmentStart = _samples.Count;
        return ValueTask.CompletedTask;
    }

    public ValueTask WordAsync(WordTiming word, CancellationToken cancellationToken)
    {
        Events.Add((word, word.Segment, _samples.Count - _segmentStart));
        return ValueTask.CompletedTask;
    }

    public IEnumerable<WordTiming> Words => Events.Where(e => e.Word is not null).Select(e => e.Word!.Value);
}

/// <summary>A sink with no word face: what a plain request's pipeline looks like.</summary>
internal sealed class PlainRecording : IPcmSink
{
    private readonly List<short> _samples = [];

    public short[] Samples => [.. _samples];

    public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        _samples.AddRange(samples.Span);
        return ValueTask.CompletedTask;
    }

    public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
