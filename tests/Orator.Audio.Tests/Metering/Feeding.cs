namespace Orator.Audio.Tests.Metering;

/// <summary>How a test hands a stream to the meter.</summary>
public enum Feeding
{
    /// <summary>One call with every byte.</summary>
    Whole,

    /// <summary>Seeded random chunk sizes from 1 to 4096 bytes.</summary>
    RandomChunks,

    /// <summary>One call per byte: every header split at every place.</summary>
    OneByteAtATime,
}
