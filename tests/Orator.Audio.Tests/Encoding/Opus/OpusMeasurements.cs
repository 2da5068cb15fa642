namespace Orator.Audio.Tests.Encoding.Opus;

/// <summary>Runs timing and memory tests on their own, after the parallel ones, so other tests do not skew them.</summary>
[CollectionDefinition(nameof(OpusMeasurements), DisableParallelization = true)]
public sealed class OpusMeasurements;
