namespace Orator.Text.Mapping;

/// <summary>
/// One stretch of prepared text and the source it came from. A copied run maps character for
/// character (both lengths are equal); a replaced run maps as a whole, any part of it to all of its source.
/// </summary>
internal readonly record struct MapRun(int PreparedStart, int PreparedLength, int SourceStart, int SourceLength, bool Copied)
{
    public int PreparedEnd => PreparedStart + PreparedLength;

    public int SourceEnd => SourceStart + SourceLength;
}
