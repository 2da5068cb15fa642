using Orator.Engines.EspeakNg;
using Orator.Engines.Flite;

namespace Orator.Engines.Tests.Support;

/// <summary>The two native synthesizers, created once for the native-engines collection.</summary>
public sealed class NativeEngines : IDisposable
{
    private readonly FliteSynthesizer? _flite;
    private readonly string? _fliteProblem;
    private readonly EspeakSynthesizer? _espeak;
    private readonly string? _espeakProblem;

    public NativeEngines()
    {
        FliteSynthesizer.TryCreate(out _flite, out _fliteProblem);
        EspeakSynthesizer.TryCreate(out _espeak, out _espeakProblem);
    }

    internal FliteSynthesizer Flite => _flite ?? throw new InvalidOperationException($"Flite is required for this test: {_fliteProblem}");

    internal EspeakSynthesizer Espeak => _espeak ?? throw new InvalidOperationException($"espeak-ng is required for this test: {_espeakProblem}");

    public void Dispose()
    {
        _flite?.Dispose();
        _espeak?.Dispose();
    }
}
