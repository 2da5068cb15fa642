using Microsoft.Extensions.Logging.Abstractions;
using Orator.Speech.Configuration;
using Orator.Speech.Hosting;
using Orator.Testing.NeuralFixtures;

namespace Orator.Speech.Tests.Support;

/// <summary>
/// Real speech on this machine for the planner and renderer tests: two engine workers (Flite,
/// espeak-ng) and the neural engines on fixture graphs with the real Kokoro voices. No HTTP.
/// </summary>
public sealed class LocalSpeechFixture : IAsyncLifetime
{
    private FixtureStore? _store;

    public LocalSpeech Speech { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _store = new FixtureStore().WithKokoro().WithPiper("en_US-fixture-low", multiSpeaker: false);
        var options = new SpeechOptions { Workers = 2, ModelsPath = _store.Root };
        Speech = await LocalSpeech.StartAsync(options, LocalSpeech.PreparerFor(options), NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Speech.DisposeAsync();
        _store?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class LocalSpeechCollection : ICollectionFixture<LocalSpeechFixture>
{
    public const string Name = "local speech";
}
