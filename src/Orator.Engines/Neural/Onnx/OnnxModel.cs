using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Orator.Engines.Neural.Onnx;

/// <summary>
/// One opened model file: its shared <see cref="InferenceSession"/> and a gate that lets one
/// inference run at a time. With intra-op threads = cores, one run already uses the machine;
/// two at once would only fight over the cores and delay both requests' next audio. Requests
/// interleave chunk by chunk instead. Cancellation terminates a run in progress. The first
/// output is the audio; a model may also expose its per-token durations as another output.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string[] _audioOutput;
    private readonly string[]? _audioAndDurations;
    private readonly TensorElementType _durationsType;

    /// <summary>
    /// Opens <paramref name="path"/>. <paramref name="durationsOutput"/> names the output that holds
    /// the per-token durations, given the session (null: none); it is used only when it is another
    /// output than the audio and has an element type <see cref="FrameDurations"/> reads.
    /// </summary>
    public OnnxModel(string path, int intraOpThreads = 0, Func<InferenceSession, string?>? durationsOutput = null)
    {
        Path = path;
        Session = OnnxSessions.Open(path, intraOpThreads);
        try
        {
            var audio = Session.OutputMetadata.Keys.First();
            _audioOutput = [audio];
            var durations = durationsOutput?.Invoke(Session);
            if (durations is not null && durations != audio && Session.OutputMetadata.TryGetValue(durations, out var meta)
                && meta.IsTensor && FrameDurations.Supports(meta.ElementDataType))
            {
                DurationsOutput = durations;
                _durationsType = meta.ElementDataType;
                _audioAndDurations = [audio, durations];
            }
        }
        catch
        {
            Session.Dispose();
            throw;
        }
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>The session, for its metadata.</summary>
    public InferenceSession Session { get; }

    /// <summary>The name of the durations output in use, or null when the model exposes none.</summary>
    public string? DurationsOutput { get; }

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (disposed afterwards) and hands the first
    /// output's floats to <paramref name="consume"/> while they are still valid.
    /// </summary>
    public Task<T> RunAsync<T>(IReadOnlyList<string> names, IReadOnlyList<OrtValue> inputs, Func<ReadOnlySpan<float>, T> consume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consume);
        return RunGatedAsync(names, inputs, consume, null, cancellationToken);
    }

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (disposed afterwards) and hands the audio and,
    /// when <paramref name="withDurations"/> is set and the model has them, the durations to
    /// <paramref name="consume"/> while they are still valid. Without durations asked for, only the
    /// audio is fetched, as before.
    /// </summary>
    public Task<T> RunAsync<T>(IReadOnlyList<string> names, IReadOnlyList<OrtValue> inputs, bool withDurations, Func<ReadOnlySpan<float>, FrameDurations, T> consume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consume);
        return withDurations ? RunGatedAsync(names, inputs, null, consume, cancellationToken) : RunGatedAsync(names, inputs, audio => consume(audio, default), null, cancellationToken);
    }

    // One of the two consumers is given: audio alone, or audio and durations.
    private async Task<T> RunGatedAsync<T>(IReadOnlyList<string> names, IReadOnlyList<OrtValue> inputs, Func<ReadOnlySpan<float>, T>? audioOnly, Func<ReadOnlySpan<float>, FrameDurations, T>? withDurations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        try
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                return await Task.Run(() => Run(names, inputs, audioOnly, withDurations, cancellationToken), cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            foreach (var input in inputs)
            {
                input.Dispose();
            }
        }
    }

    private T Run<T>(IReadOnlyList<string> names, IReadOnlyList<OrtValue> inputs, Func<ReadOnlySpan<float>, T>? audioOnly, Func<ReadOnlySpan<float>, FrameDurations, T>? withDurations, CancellationToken cancellationToken)
    {
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            if (audioOnly is not null)
            {
                using var audio = Session.Run(runOptions, names, inputs, _audioOutput);
                return audioOnly(audio[0].GetTensorDataAsSpan<float>());
            }

            using var outputs = Session.Run(runOptions, names, inputs, _audioAndDurations ?? _audioOutput);
            var durations = outputs.Count > 1 ? FrameDurations.Of(outputs[1], _durationsType) : default;
            return withDurations!(outputs[0].GetTensorDataAsSpan<float>(), durations);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Session.Dispose();
        _gate.Dispose();
    }
}
