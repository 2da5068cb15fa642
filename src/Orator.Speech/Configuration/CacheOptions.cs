namespace Orator.Speech.Configuration;

/// <summary>
/// <c>Orator:Cache</c>: the render cache. Off unless a budget is set: with <see cref="MemoryMB"/>
/// above 0 completed renders are kept in memory; with <see cref="Directory"/> set they are also
/// kept on disk, within <see cref="DiskMB"/>, and survive restarts of the same build.
/// </summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = SpeechOptions.SectionName + ":Cache";

    /// <summary>Memory budget in MiB for cached renders; 0 keeps none in memory.</summary>
    public int MemoryMB { get; init; }

    /// <summary>A folder for cached renders on disk (created if missing); empty keeps none on disk.</summary>
    public string? Directory { get; init; }

    /// <summary>Disk budget in MiB, used when <see cref="Directory"/> is set.</summary>
    public int DiskMB { get; init; } = 1024;

    /// <summary>True when any tier is on.</summary>
    public bool Enabled => MemoryMB > 0 || DiskEnabled;

    /// <summary>True when renders are kept on disk.</summary>
    public bool DiskEnabled => !string.IsNullOrWhiteSpace(Directory) && DiskMB > 0;
}
