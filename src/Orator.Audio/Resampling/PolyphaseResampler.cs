using Orator.Audio.Dsp;

namespace Orator.Audio.Resampling;

/// <summary>
/// Streaming band-limited sample-rate converter for 16-bit mono PCM. The rate ratio is reduced
/// to L/M and each output sample is one inner product of a Kaiser-windowed sinc phase with the
/// input history (polyphase FIR), so the cost is one filter row per output sample.
/// </summary>
/// <remarks>
/// <para>
/// Output sample <c>n</c> is the band-limited value of the input at time <c>n * M / L</c> input
/// samples: the filter delay is compensated, so output and input are aligned and the stream
/// begins without a leading delay. The resampler holds back <see cref="LookAhead"/> input samples
/// until more input or <see cref="Flush"/> arrives. Chunk borders are seamless: any split of the
/// input gives the same output samples as one call.
/// </para>
/// <para>Not thread-safe. Dispose to return the pooled history buffer.</para>
/// </remarks>
public sealed class PolyphaseResampler : IDisposable
{
    private readonly PolyphaseFilterBank? _bank;
    private readonly PooledArray<float>? _history;
    private int _count;       // valid samples in the history buffer
    private int _position;    // history index of the first tap of the next output (may run past _count)
    private int _phase;       // phase of the next output, 0..L-1
    private long _totalInput;
    private long _totalOutput;

    /// <summary>Creates a resampler from <paramref name="inputSampleRate"/> to <paramref name="outputSampleRate"/> (Hz).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive.</exception>
    /// <exception cref="NotSupportedException">The reduced ratio needs more than 4096 filter phases.</exception>
    public PolyphaseResampler(int inputSampleRate, int outputSampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSampleRate);
        InputSampleRate = inputSampleRate;
        OutputSampleRate = outputSampleRate;
        if (inputSampleRate == outputSampleRate)
        {
            return;
        }

        _bank = PolyphaseFilterBank.For(inputSampleRate, outputSampleRate);
        _history = new PooledArray<float>(4 * _bank.TapsPerPhase);
        Reset();
    }

    /// <summary>Input rate in Hz.</summary>
    public int InputSampleRate { get; }

    /// <summary>Output rate in Hz.</summary>
    public int OutputSampleRate { get; }

    /// <summary>True when the rates are equal and samples are copied unchanged.</summary>
    public bool IsPassthrough => _bank is null;

    /// <summary>Input samples held back (the filter's half-length) until more input or <see cref="Flush"/> arrives.</summary>
    public int LookAhead => _bank?.HalfWidth ?? 0;

    /// <summary>
    /// The most output samples <see cref="Process"/> can write for <paramref name="inputCount"/> input
    /// samples, whatever was fed before. <c>MaxOutputFor(0)</c> bounds what <see cref="Flush"/> writes.
    /// </summary>
    public int MaxOutputFor(int inputCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputCount);
        if (_bank is null)
        {
            return inputCount;
        }

        // Held-back input is at most one filter row, plus one for the phase rounding.
        long pending = (long)inputCount + _bank.TapsPerPhase;
        return checked((int)(((pending * _bank.Interpolation) + _bank.Decimation - 1) / _bank.Decimation) + 1);
    }

    /// <summary>
    /// Consumes all of <paramref name="input"/> and writes every output sample that is now fully
    /// determined. <paramref name="output"/> must hold at least <see cref="MaxOutputFor"/>(input.Length).
    /// </summary>
    /// <returns>The number of samples written to <paramref name="output"/>.</returns>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (output.Length < MaxOutputFor(input.Length))
        {
            throw new ArgumentException(
                $"The output span holds {output.Length} samples; {MaxOutputFor(input.Length)} are needed for {input.Length} input samples.",
                nameof(output));
        }

        if (_bank is null)
        {
            input.CopyTo(output);
            return input.Length;
        }

        Append(input);
        _totalInput += input.Length;
        return Produce(output, long.MaxValue);
    }

    /// <summary>
    /// Ends the stream: writes the remaining output so that the total is <c>ceil(inputLength * L / M)</c>
    /// samples (every output instant inside the input's duration), then resets for a new stream.
    /// <paramref name="output"/> must hold at least <see cref="MaxOutputFor"/>(0).
    /// </summary>
    /// <returns>The number of samples written to <paramref name="output"/>.</returns>
    public int Flush(Span<short> output)
    {
        if (_bank is null)
        {
            return 0;
        }

        if (output.Length < MaxOutputFor(0))
        {
            throw new ArgumentException($"The output span must hold at least {MaxOutputFor(0)} samples.", nameof(output));
        }

        // Pad with the silence that follows the stream, enough for the last output's look-ahead.
        int padding = _bank.TapsPerPhase;
        _history!.EnsureCapacity(_count + padding, _count);
        _history.Array.AsSpan(_count, padding).Clear();
        _count += padding;

        long target = ((_totalInput * _bank.Interpolation) + _bank.Decimation - 1) / _bank.Decimation;
        int written = Produce(output, target);
        Reset();
        return written;
    }

    /// <summary>Forgets all history and counters so the instance can take a new stream.</summary>
    public void Reset()
    {
        _totalInput = 0;
        _totalOutput = 0;
        _phase = 0;
        _position = 0;
        if (_bank is null)
        {
            return;
        }

        // Silence before the stream start, so the first output sits at input time 0.
        _count = _bank.HalfWidth - 1;
        _history!.Array.AsSpan(0, _count).Clear();
    }

    /// <summary>Returns the pooled history buffer.</summary>
    public void Dispose() => _history?.Dispose();

    private void Append(ReadOnlySpan<short> input)
    {
        _history!.EnsureCapacity(_count + input.Length, _count);
        SampleConversion.ToFloat(input, _history.Array.AsSpan(_count));
        _count += input.Length;
    }

    private int Produce(Span<short> output, long outputLimit)
    {
        PolyphaseFilterBank bank = _bank!;
        float[] history = _history!.Array;
        int taps = bank.TapsPerPhase;
        int interpolation = bank.Interpolation;
        int wholeStep = bank.Decimation / interpolation;
        int phaseStep = bank.Decimation % interpolation;
        int position = _position;
        int phase = _phase;
        long remaining = outputLimit - _totalOutput;
        int written = 0;

        while (position + taps <= _count && written < remaining)
        {
            float value = VectorMath.Dot(history.AsSpan(position, taps), bank.Phase(phase));
            output[written++] = SampleConversion.ToPcm16(value);

            position += wholeStep;
            phase += phaseStep;
            if (phase >= interpolation)
            {
                phase -= interpolation;
                position++;
            }
        }

        _totalOutput += written;
        _phase = phase;

        // Drop consumed history; a large decimation step can point past what has arrived yet.
        int consumed = Math.Min(position, _count);
        history.AsSpan(consumed, _count - consumed).CopyTo(history);
        _count -= consumed;
        _position = position - consumed;
        return written;
    }
}
