using Orator.Functional.Tests.Infrastructure;
using Orator.Testing.NeuralFixtures;

namespace Orator.Functional.Tests.Neural;

/// <summary>
/// A real server whose model store holds the fixture Kokoro graph (10 ms of audio per token, the
/// real 54 voices) and two fixture Piper voices: single-speaker at 16 kHz, multi-speaker at 22050 Hz.
/// </summary>
public sealed class NeuralServerFixture : ServerFixture
{
    public const string PiperSingle = "en_US-fixture-low";
    public const string PiperMulti = "en_US-libritts_r-medium";

    private readonly FixtureStore _store = new FixtureStore()
        .WithKokoro(samplesPerToken: 240)
        .WithPiper(PiperSingle, multiSpeaker: false, sampleRate: 16000, samplesPerToken: 160)
        .WithPiper(PiperMulti, multiSpeaker: true, samplesPerToken: 220);

    protected override IEnumerable<string> Arguments => ["--Orator:Workers=1", $"--Orator:ModelsPath={_store.Root}"];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _store.Dispose();
    }
}
