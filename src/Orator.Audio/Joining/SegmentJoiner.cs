using Orator.Audio.Dsp;
using Orator.Core.Audio;

namespace Orator.Audio.Joining;

/// <summary>
/// Joins the separately synthesised segments (sentences, clauses) of one request into one
/// continuous stream: trims each segment's own leading and trailing silence, fades its edges
/// in and out over a few milliseconds so no join clicks, and inserts the pause asked for after
/// each segment. Sits between the engine and the <see cref="Pipeline.AudioPipeline"/>.
/// </summary>
/// <remarks>
/// Only silence is ever held back (plus the few samples a fade-out may still need), so speech
/// reaches the encoder as soon as the engine produces it.
/// </remarks>
public sealed class SegmentJoiner : IPcmSink, IDisposable
{
    /// <summary>Samples whose magnitude is below this count as silence (about -54 dBFS).</summary>
    public const short SilenceThreshold = 64;

    private readonly IPcmSink _next;
    private readonly IReadOnlyList<TimeSpan> _pauses;
    private readonly int _fade;
    private readonly int _leadIn;
    private readonly int _tail;
    private readonly int _block;
    private readonly PooledArray<short> _held;
    private readonly PooledArray<short> _silence;
    private readonly PooledArray<short> _preRoll;
    private int _preRollCount;
    private int _heldCount;
    private bool _segmentStarted;
    private int _fadeInDone;

    /// <summary>Creates a joiner.</summary>
    /// <param name="sampleRate">Rate of the engine PCM.</param>
    /// <param name="pausesAfter">Pause after each segment, by segment index (missing = none).</param>
    /// <param name="next">Where joined PCM goes.</param>
    public SegmentJoiner(int sampleRate, IReadOnlyList<TimeSpan> pausesAfter, IPcmSink next)
    {
        ArgumentNullException.ThrowIfNull(pausesAfter);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        SampleRate = sampleRate;
        _pauses = pausesAfter;
        _next = next;
        _fade = Math.Max(1, sampleRate * 5 / 1000);
        _leadIn = sampleRate * 10 / 1000;
        _tail = sampleRate * 20 / 1000;
        _block = Math.Max(1, sampleRate / 10);
        _held = new PooledArray<short>(sampleRate / 2);
        _silence = new PooledArray<short>(sampleRate / 10);
        Array.Clear(_silence.Array);
        _preRoll = new PooledArray<short>(Math.Max(1, _leadIn));
    }

    /// <summary>The rate of the PCM passing through.</summary>
    public int SampleRate { get; }

    /// <summary>The fade length at every join, in samples.</summary>
    public int FadeSamples => _fade;

    /// <summary>Samples passed on so far (speech and pauses): the position on the joined stream.</summary>
    public long SamplesOut { get; private set; }

    /// <summary>
    /// Where a whole segment's audio lands when it is written at once: the part of
    /// <paramref name="segment"/> this joiner keeps (the lead-in before its first sound up to the
    /// tail after its last), as <c>[Start, End)</c>; empty (0, 0) for silence. Word timings map
    /// through it (<see cref="WordAligner"/>).
    /// </summary>
    public (int Start, int End) KeptRange(ReadOnlySpan<short> segment)
    {
        var first = FirstSound(segment);
        if (first < 0)
        {
            return (0, 0);
        }

        var last = LastSound(segment);
        return (Math.Max(0, first - _leadIn), Math.Min(segment.Length, last + 1 + _tail));
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        var input = samples;
        if (!_segmentStarted)
        {
            // Leading silence of a segment is dropped (a short lead-in is kept). The lead-in may
            // reach back into earlier writes of the segment: how the engine cut its audio into
            // writes must not change the result.
            var first = FirstSound(input.Span);
            if (first < 0)
            {
                KeepPreRoll(input.Span);
                return;
            }

            var start = Math.Max(0, first - _leadIn);
            var fromBefore = Math.Min(_preRollCount, _leadIn - (first - start));
            input = input[start..];
            _segmentStarted = true;
            _fadeInDone = 0;
            if (fromBefore > 0)
            {
                await AppendAsync(_preRoll.Array.AsMemory(_preRollCount - fromBefore, fromBefore), cancellationToken);
            }

            _preRollCount = 0;
        }

        await AppendAsync(input, cancellationToken);
    }

    private async ValueTask AppendAsync(ReadOnlyMemory<short> input, CancellationToken cancellationToken)
    {
        while (!input.IsEmpty)
        {
            var take = Math.Min(input.Length, _held.Array.Length - _heldCount);
            if (take == 0)
            {
                // Held buffer full of (mostly) silence: let the oldest part go.
                await ReleaseAsync(_heldCount - _fade, all: false, cancellationToken);
                continue;
            }

            input.Span[..take].CopyTo(_held.Array.AsSpan(_heldCount));
            ApplyFadeIn(_held.Array.AsSpan(_heldCount, take));
            _heldCount += take;
            input = input[take..];

            // Everything before the last sound can go, except the samples a fade-out may need.
            var lastSound = LastSound(_held.Array.AsSpan(0, _heldCount));
            if (lastSound >= 0)
            {
                await ReleaseAsync(lastSound + 1 - _fade, all: false, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken)
    {
        _preRollCount = 0;
        if (_segmentStarted)
        {
            // Trim the trailing silence to a short tail, fade out, and send it all.
            var lastSound = LastSound(_held.Array.AsSpan(0, _heldCount));
            var keep = lastSound < 0 ? 0 : Math.Min(_heldCount, lastSound + 1 + _tail);
            var fade = Math.Min(_fade, keep);
            var tail = _held.Array.AsSpan(keep - fade, fade);
            for (var i = 0; i < fade; i++)
            {
                tail[i] = (short)(tail[i] * (fade - i - 1) / fade);
            }

            _heldCount = keep;
            await ReleaseAsync(_heldCount, all: true, cancellationToken);
            _heldCount = 0;
            _segmentStarted = false;
        }

        var pause = segment >= 0 && segment < _pauses.Count ? _pauses[segment] : TimeSpan.Zero;
        var samples = (long)(pause.TotalSeconds * SampleRate);
        while (samples > 0)
        {
            var count = (int)Math.Min(samples, _silence.Array.Length);
            await _next.WriteAsync(_silence.Array.AsMemory(0, count), cancellationToken);
            SamplesOut += count;
            samples -= count;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _held.Dispose();
        _silence.Dispose();
        _preRoll.Dispose();
    }

    // The last samples (up to the lead-in) of a segment's silence so far.
    private void KeepPreRoll(ReadOnlySpan<short> silence)
    {
        var room = _leadIn;
        if (room == 0)
        {
            return;
        }

        if (silence.Length >= room)
        {
            silence[^room..].CopyTo(_preRoll.Array);
            _preRollCount = room;
            return;
        }

        var keep = Math.Min(_preRollCount, room - silence.Length);
        _preRoll.Array.AsSpan(_preRollCount - keep, keep).CopyTo(_preRoll.Array);
        silence.CopyTo(_preRoll.Array.AsSpan(keep));
        _preRollCount = keep + silence.Length;
    }

    private void ApplyFadeIn(Span<short> samples)
    {
        for (var i = 0; i < samples.Length && _fadeInDone < _fade; i++, _fadeInDone++)
        {
            samples[i] = (short)(samples[i] * (_fadeInDone + 1) / (_fade + 1));
        }
    }

    // Sends the first samples held on, in writes of exactly one block (100 ms) each: during a
    // segment only whole blocks go (the rest waits for more), at its end everything. So what the
    // pipeline receives, and therefore where the encoder ends its pages and the output flushes
    // (SSE events), depends on the audio alone, never on how the engine cut it into writes.
    private async ValueTask ReleaseAsync(int count, bool all, CancellationToken cancellationToken)
    {
        var end = all ? count : count / _block * _block;
        if (end <= 0)
        {
            return;
        }

        for (var at = 0; at < end; at += _block)
        {
            var length = Math.Min(_block, end - at);
            await _next.WriteAsync(_held.Array.AsMemory(at, length), cancellationToken);
            SamplesOut += length;
        }

        _held.Array.AsSpan(end, _heldCount - end).CopyTo(_held.Array);
        _heldCount -= end;
    }

    private static int FirstSound(ReadOnlySpan<short> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            if (samples[i] >= SilenceThreshold || samples[i] <= -SilenceThreshold)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastSound(ReadOnlySpan<short> samples)
    {
        for (var i = samples.Length - 1; i >= 0; i--)
        {
            if (samples[i] >= SilenceThreshold || samples[i] <= -SilenceThreshold)
            {
                return i;
            }
        }

        return -1;
    }
}
