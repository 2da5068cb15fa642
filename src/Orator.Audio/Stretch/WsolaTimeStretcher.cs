using Orator.Audio.Dsp;

namespace Orator.Audio.Stretch;

/// <summary>
/// Streaming tempo change that keeps pitch, by WSOLA (waveform-similarity overlap-add): Hann
/// frames are overlap-added at a fixed synthesis hop while the analysis position advances by
/// <c>hop * tempo</c>; each frame's exact position is searched within a tolerance for the best
/// normalised cross-correlation with the natural continuation of the previous frame, so periods
/// line up and no phase jumps are heard.
/// </summary>
/// <remarks>
/// <para>
/// Tempo 2 halves the duration, 0.5 doubles it; tempo 1 copies samples unchanged. After
/// <see cref="Flush"/> the total output is exactly <c>round(inputLength / tempo)</c> samples.
/// The output depends only on the input samples, not on how the input is cut into chunks.
/// </para>
/// <para>Not thread-safe. Dispose to return the pooled buffers.</para>
/// </remarks>
public sealed class WsolaTimeStretcher : IDisposable
{
    /// <summary>The slowest tempo accepted.</summary>
    public const double MinimumTempo = 0.25;

    /// <summary>The fastest tempo accepted.</summary>
    public const double MaximumTempo = 4.0;

    private const double FrameSeconds = 0.025;
    private const double SearchSeconds = 0.010;

    private readonly int _frameLength;   // N, even
    private readonly int _hop;           // synthesis hop, N / 2 (50 % Hann overlap sums to one)
    private readonly int _search;        // +- search tolerance in samples
    private readonly double _analysisHop;
    private readonly float[] _window = [];
    private readonly float[] _template = [];
    private readonly PooledArray<float>? _input;
    private readonly PooledArray<float>? _output;

    private long _inputStart;     // absolute index of _input[0]
    private int _inputCount;
    private long _totalInput;
    private long _frameIndex;     // next frame k
    private int _outputFinal;     // finished samples at the front of _output, followed by the overlap tail
    private long _totalOutput;

    /// <summary>Creates a stretcher for PCM at <paramref name="sampleRate"/> Hz and the given <paramref name="tempo"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="sampleRate"/> is below 1000 Hz or <paramref name="tempo"/> is outside 0.25..4.
    /// </exception>
    public WsolaTimeStretcher(int sampleRate, double tempo)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        if (!(tempo >= MinimumTempo && tempo <= MaximumTempo))
        {
            throw new ArgumentOutOfRangeException(nameof(tempo), tempo, $"Tempo must be between {MinimumTempo} and {MaximumTempo}.");
        }

        SampleRate = sampleRate;
        Tempo = tempo;
        if (IsPassthrough)
        {
            return;
        }

        _frameLength = 2 * (int)Math.Round(FrameSeconds * sampleRate / 2);
        _hop = _frameLength / 2;
        _search = (int)Math.Round(SearchSeconds * sampleRate);
        _analysisHop = _hop * tempo;

        _window = new float[_frameLength];
        for (int i = 0; i < _frameLength; i++)
        {
            _window[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / _frameLength)));
        }

        _template = new float[_frameLength - _hop];
        _input = new PooledArray<float>(4 * (_frameLength + (2 * _search) + (int)_analysisHop));
        _output = new PooledArray<float>(4 * _frameLength);
        Reset();
    }

    /// <summary>Sample rate in Hz (input and output).</summary>
    public int SampleRate { get; }

    /// <summary>Speed factor: output duration is input duration divided by this.</summary>
    public double Tempo { get; }

    /// <summary>True when the tempo is 1 and samples are copied unchanged.</summary>
    public bool IsPassthrough => Tempo == 1.0;

    /// <summary>
    /// The most output samples <see cref="Process"/> can write for <paramref name="inputCount"/> input
    /// samples, whatever was fed before. <c>MaxOutputFor(0)</c> bounds what <see cref="Flush"/> writes.
    /// </summary>
    public int MaxOutputFor(int inputCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputCount);
        if (IsPassthrough)
        {
            return inputCount;
        }

        double held = _frameLength + _search + _analysisHop;
        return checked((int)Math.Ceiling((inputCount + held) / Tempo) + (2 * _frameLength) + 2);
    }

    /// <summary>
    /// Consumes all of <paramref name="input"/> and writes the output that is ready.
    /// <paramref name="output"/> must hold at least <see cref="MaxOutputFor"/>(input.Length).
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

        if (IsPassthrough)
        {
            input.CopyTo(output);
            return input.Length;
        }

        _input!.EnsureCapacity(_inputCount + input.Length, _inputCount);
        SampleConversion.ToFloat(input, _input.Array.AsSpan(_inputCount));
        _inputCount += input.Length;
        _totalInput += input.Length;

        // Never run ahead of round(total / tempo), so the final length can be met exactly.
        long allowed = (long)Math.Floor(_totalInput / Tempo);
        int written = Emit(output, allowed);
        while (FrameInputEnd(_frameIndex) <= _inputStart + _inputCount)
        {
            AddFrame();
            written += Emit(output[written..], allowed);
        }

        DiscardConsumedInput();
        return written;
    }

    /// <summary>
    /// Ends the stream: writes the rest so the total output is <c>round(inputLength / tempo)</c>
    /// samples, then resets for a new stream. <paramref name="output"/> must hold at least
    /// <see cref="MaxOutputFor"/>(0).
    /// </summary>
    /// <returns>The number of samples written to <paramref name="output"/>.</returns>
    public int Flush(Span<short> output)
    {
        if (IsPassthrough)
        {
            return 0;
        }

        if (output.Length < MaxOutputFor(0))
        {
            throw new ArgumentException($"The output span must hold at least {MaxOutputFor(0)} samples.", nameof(output));
        }

        long target = (long)Math.Round(_totalInput / Tempo);
        int written = Emit(output, target);
        while (_totalOutput < target)
        {
            // The stream is followed by silence: pad the input as far as the next frame reads.
            long needed = FrameInputEnd(_frameIndex) - (_inputStart + _inputCount);
            if (needed > 0)
            {
                _input!.EnsureCapacity(_inputCount + (int)needed, _inputCount);
                _input.Array.AsSpan(_inputCount, (int)needed).Clear();
                _inputCount += (int)needed;
            }

            AddFrame();
            written += Emit(output[written..], target);
            DiscardConsumedInput();
        }

        Reset();
        return written;
    }

    /// <summary>Forgets all buffered audio and counters so the instance can take a new stream.</summary>
    public void Reset()
    {
        _inputStart = 0;
        _inputCount = 0;
        _totalInput = 0;
        _frameIndex = 0;
        _outputFinal = 0;
        _totalOutput = 0;
        _output?.Array.AsSpan().Clear();
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        _input?.Dispose();
        _output?.Dispose();
    }

    private long NominalPosition(long frame) => (long)Math.Round(frame * _analysisHop);

    /// <summary>One past the last input sample frame <paramref name="frame"/> may read.</summary>
    private long FrameInputEnd(long frame) => NominalPosition(frame) + _search + _frameLength;

    private void AddFrame()
    {
        float[] input = _input!.Array;
        long nominal = NominalPosition(_frameIndex);
        long start = _frameIndex == 0 ? 0 : BestMatch(nominal);
        var frame = new ReadOnlySpan<float>(input, (int)(start - _inputStart), _frameLength);

        _output!.EnsureCapacity(_outputFinal + _frameLength, _outputFinal + _frameLength - _hop);
        Span<float> target = _output.Array.AsSpan(_outputFinal, _frameLength);
        for (int i = 0; i < _frameLength; i++)
        {
            // The very first frame has no predecessor to cross-fade with: keep its start at full level.
            float w = _frameIndex == 0 && i < _hop ? 1f : _window[i];
            target[i] += frame[i] * w;
        }

        // What would naturally follow this frame is what the next frame should resemble.
        frame.Slice(_hop, _template.Length).CopyTo(_template);
        _outputFinal += _hop;
        _frameIndex++;
    }

    /// <summary>
    /// The start within [nominal - search, nominal + search] whose first overlap-length samples have the
    /// highest normalised cross-correlation with the template; ties keep the nominal position.
    /// </summary>
    private long BestMatch(long nominal)
    {
        float[] input = _input!.Array;
        int overlap = _template.Length;
        long first = Math.Max(nominal - _search, _inputStart);
        long last = nominal + _search;
        int offset = (int)(first - _inputStart);
        int count = (int)(last - first) + 1;
        int nominalOffset = (int)(nominal - first);

        // Running energy of the candidate window, in double so the sliding update does not drift.
        double energy = 0;
        for (int i = 0; i < overlap; i++)
        {
            energy += (double)input[offset + i] * input[offset + i];
        }

        int best = nominalOffset;
        double bestScore = double.NegativeInfinity;
        for (int c = 0; c < count; c++)
        {
            if (c > 0)
            {
                double leaving = input[offset + c - 1];
                double entering = input[offset + c + overlap - 1];
                energy = Math.Max(energy - (leaving * leaving) + (entering * entering), 0);
            }

            double correlation = VectorMath.Dot(_template, input.AsSpan(offset + c, overlap));
            double score = correlation / Math.Sqrt(energy + 1e-3);
            if (score > bestScore || (score == bestScore && c == nominalOffset))
            {
                bestScore = score;
                best = c;
            }
        }

        return first + best;
    }

    /// <summary>Moves finished samples (up to <paramref name="limit"/> in total) into <paramref name="output"/>.</summary>
    private int Emit(Span<short> output, long limit)
    {
        int count = (int)Math.Min(_outputFinal, Math.Max(limit - _totalOutput, 0));
        if (count == 0)
        {
            return 0;
        }

        float[] buffer = _output!.Array;
        SampleConversion.ToPcm16(buffer.AsSpan(0, count), output);
        int kept = _outputFinal - count + _frameLength - _hop;
        buffer.AsSpan(count, kept).CopyTo(buffer);
        buffer.AsSpan(kept, count).Clear();
        _outputFinal -= count;
        _totalOutput += count;
        return count;
    }

    private void DiscardConsumedInput()
    {
        long keepFrom = Math.Max(NominalPosition(_frameIndex) - _search, 0);
        int drop = (int)Math.Clamp(keepFrom - _inputStart, 0, _inputCount);
        float[] input = _input!.Array;
        input.AsSpan(drop, _inputCount - drop).CopyTo(input);
        _inputCount -= drop;
        _inputStart += drop;
    }
}
