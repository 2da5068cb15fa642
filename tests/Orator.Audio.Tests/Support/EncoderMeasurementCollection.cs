namespace Orator.Audio.Tests.Support;

/// <summary>
/// Memory and speed measurements of the native encoders: run alone, after the parallel tests, so
/// other tests' allocations and CPU use do not disturb them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EncoderMeasurementCollection
{
    public const string Name = "Encoder measurements";
}
