namespace Orator.Engines.Tests.Support;

/// <summary>
/// Every test that calls into Flite or espeak-ng belongs here: both engines keep process-wide
/// native state (espeak-ng only globals), so these tests must never run concurrently.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeEnginesGroup : ICollectionFixture<NativeEngines>
{
    public const string Name = "native-engines";
}
