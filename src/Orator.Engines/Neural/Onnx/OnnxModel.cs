using Microsoft.ML.OnnxRuntime;

namespace Orator.Engines.Neural.Onnx;

/// <summary>
/// One opened model file: its shared <see cref="InferenceSession"/> and a gate that lets one
/// inference run at a time. With intra-op threads = cores, one run already uses the machine;
/// two at once would only fight over the cores and delay both requests' next audio. Requests
/// interleave chunk by chunk instead. Cancellation terminates a run in progress.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string[] _outputNames;

    /// <summary>Opens <paramref name="path"/>.</summary>
    public OnnxModel(string path, int intraOpThreads = 0)
    {
        Path = path;
        Session = OnnxSessions.Open(path, intraOpThreads);
        _outputNames = [Session.OutputMetadata.Keys.First()];
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>The session, for its metadata.</summary>
    public InferenceSession Session { get; }

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (disposed afterwards) and hands the first
    /// output's floats to <paramref name="consume"/> while they are still valid.
    /// </summary>
    public async Task<T> RunAsync<T>(IReadOnlyList<string> names, IReadOnlyList<OrtValue> inputs, Func<ReadOnlySpan<float>, T> consume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(consume);
        try
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                return await Task.Run(() => Run(names, inputs, consume, cancellationToken), cancellationToken);
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

    private T Run<T>(IReadOnlyList<string> names, IReadOnlyList<OrtValue> inputs, Func<ReadOnlySpan<float>, T> consume, CancellationToken cancellationToken)
    {
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            using var outputs = Session.Run(runOptions, names, inputs, _outputNames);
            return consume(outputs[0].GetTensorDataAsSpan<float>());
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
