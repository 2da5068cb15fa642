using Orator.Audio.Resampling;
using Orator.Audio.Stretch;

namespace Orator.Audio.Tests.Support;

/// <summary>Drives the streaming processors in one go or chunk by chunk and collects the output.</summary>
internal static class StreamRunner
{
    public static short[] Resample(PolyphaseResampler resampler, short[] input, IEnumerable<int>? chunks = null) =>
        Run(resampler.MaxOutputFor, resampler.Process, resampler.Flush, input, chunks);

    public static short[] Stretch(WsolaTimeStretcher stretcher, short[] input, IEnumerable<int>? chunks = null) =>
        Run(stretcher.MaxOutputFor, stretcher.Process, stretcher.Flush, input, chunks);

    private delegate int ProcessFunc(ReadOnlySpan<short> input, Span<short> output);

    private delegate int FlushFunc(Span<short> output);

    private static short[] Run(Func<int, int> maxOutput, ProcessFunc process, FlushFunc flush, short[] input, IEnumerable<int>? chunks)
    {
        var result = new List<short>();
        int position = 0;
        foreach (int size in chunks ?? [input.Length])
        {
            var buffer = new short[maxOutput(size)];
            int written = process(input.AsSpan(position, size), buffer);
            result.AddRange(buffer.AsSpan(0, written));
            position += size;
        }

        var tail = new short[maxOutput(0)];
        result.AddRange(tail.AsSpan(0, flush(tail)));
        return [.. result];
    }
}
