using Orator.Audio.Joining;
using Orator.Core.Audio;

namespace Orator.Audio.Tests.Joining;

/// <summary>
/// The joiner's output depends on the segments' samples only, never on how they were cut into
/// writes: engines stream in frames of their own size, and a window rendered ahead is replayed
/// in one write per segment, and both must give the same bytes.
/// </summary>
public sealed class SegmentJoinerTests
{
    private const int Rate = 16000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Any_cut_into_writes_gives_the_samples_of_whole_segment_writes(int seed)
    {
        var random = new Random(seed);
        var segments = Enumerable.Range(0, 4).Select(_ => Segment(random)).ToArray();
        TimeSpan[] pauses = [TimeSpan.FromMilliseconds(280), TimeSpan.FromMilliseconds(140), TimeSpan.Zero, TimeSpan.FromMilliseconds(650)];

        var wholeSink = JoinInto(segments, pauses, _ => int.MaxValue);
        var whole = wholeSink.Samples.ToArray();
        foreach (var maxWrite in new[] { 1, 7, 160, 161, 1000, 5000 })
        {
            var cutSink = JoinInto(segments, pauses, r => 1 + r.Next(maxWrite));
            var cut = cutSink.Samples.ToArray();
            Assert.Equal(whole.Length, cut.Length);
            Assert.True(whole.AsSpan().SequenceEqual(cut), $"writes of up to {maxWrite} samples changed the output");
            // The joiner's own writes are the same too: encoder pages and output flushes follow them.
            Assert.Equal(wholeSink.WriteSizes, cutSink.WriteSizes);
        }
    }

    [Fact]
    public void The_lead_in_before_the_first_sound_is_kept_even_when_it_came_in_an_earlier_write()
    {
        // 100 ms of silence, then sound; the first write ends 40 samples before the sound, so most
        // of the 10 ms lead-in arrived in it.
        var segment = new short[Rate / 5];
        for (var i = Rate / 10; i < segment.Length; i++)
        {
            segment[i] = (short)(i % 2 == 0 ? 4000 : -4000);
        }

        var split = Join([segment], [TimeSpan.Zero], _ => (Rate / 10) - 40);
        var whole = Join([segment], [TimeSpan.Zero], _ => int.MaxValue);

        Assert.Equal(whole, split);
        Assert.Equal((Rate / 10) + (Rate / 100), whole.Length); // 10 ms lead-in + the sound (its tail fades out)
    }

    private static short[] Segment(Random random)
    {
        var samples = new List<short>();
        samples.AddRange(new short[random.Next(0, Rate / 5)]); // leading silence
        var sound = random.Next(Rate / 20, Rate / 2);
        for (var i = 0; i < sound; i++)
        {
            // Sound with short quiet gaps inside it, as speech has.
            samples.Add((i / 400) % 5 == 4 ? (short)random.Next(-20, 20) : (short)random.Next(-9000, 9000));
        }

        samples.AddRange(new short[random.Next(0, Rate)]); // trailing silence, sometimes longer than the joiner holds
        return [.. samples];
    }

    private static short[] Join(short[][] segments, IReadOnlyList<TimeSpan> pauses, Func<Random, int> nextWrite) =>
        [.. JoinInto(segments, pauses, nextWrite).Samples];

    private static CollectingSink JoinInto(short[][] segments, IReadOnlyList<TimeSpan> pauses, Func<Random, int> nextWrite)
    {
        var sink = new CollectingSink();
        using var joiner = new SegmentJoiner(Rate, pauses, sink);
        var random = new Random(99);
        for (var s = 0; s < segments.Length; s++)
        {
            var at = 0;
            while (at < segments[s].Length)
            {
                var count = Math.Min(nextWrite(random), segments[s].Length - at);
                joiner.WriteAsync(segments[s].AsMemory(at, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();
                at += count;
            }

            joiner.EndSegmentAsync(s, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return sink;
    }

    private sealed class CollectingSink : IPcmSink
    {
        public List<short> Samples { get; } = [];

        public List<int> WriteSizes { get; } = [];

        public ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
        {
            Samples.AddRange(samples.Span);
            WriteSizes.Add(samples.Length);
            return ValueTask.CompletedTask;
        }

        public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
