using Orator.Core.Audio;

namespace Orator.Engines.Tests.Neural;

/// <summary>A sink that keeps every sample and where each segment ended.</summary>
internal sealed class NeuralRecording : IPcmSink
{
    private readonly List<short> _samples = [];

    public List<int> SegmentEnds { get; } = [];

    public List<int> Writes { get; } = [];

    public short[] Samples => [.. _samples];

    public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        _samples.AddRange(samples.Span);
        Writes.Add(samples.Length);
        return ValueTask.CompletedTask;
    }

    public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken)
    {
        SegmentEnds.Add(segment);
        return ValueTask.CompletedTask;
    }
}
