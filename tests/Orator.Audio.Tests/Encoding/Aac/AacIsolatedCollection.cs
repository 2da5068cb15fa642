namespace Orator.Audio.Tests.Encoding.Aac;

/// <summary>Tests that measure the whole process (memory, speed) and must not share it with parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AacIsolatedCollection
{
    public const string Name = "AAC isolated";
}
