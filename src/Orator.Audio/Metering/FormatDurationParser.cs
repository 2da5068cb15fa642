namespace Orator.Audio.Metering;

/// <summary>
/// One format's incremental reader behind <see cref="EncodedDurationMeter"/>: a small fixed state
/// (a <see cref="HeaderWindow"/> and counters) that every chunk advances without allocating.
/// </summary>
internal abstract class FormatDurationParser
{
    /// <summary>Seconds counted so far, or null when the bytes do not show a stream of this format.</summary>
    public abstract double? Seconds { get; }

    /// <summary>Reads the next chunk; malformed bytes are skipped or end the count, never thrown on.</summary>
    public abstract void Observe(ReadOnlySpan<byte> bytes);
}
