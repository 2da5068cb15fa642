namespace Orator.Audio.Tests.Support;

/// <summary>How closely decoded audio follows its source, by normalised cross-correlation.</summary>
internal static class Correlation
{
    /// <summary>
    /// The lag (decoded index minus source index) in ±<paramref name="maxLag"/> with the highest
    /// normalised correlation over the whole overlap, and that correlation. Normalising matters: the
    /// raw cross product favours lags that line up louder decoded samples, and one pitch period off
    /// still correlates at 0.99 for a periodic voice.
    /// </summary>
    public static (double Correlation, int Lag) Best(ReadOnlySpan<short> source, ReadOnlySpan<short> decoded, int maxLag)
    {
        double best = double.NegativeInfinity;
        int bestLag = 0;
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            double correlation = AtLag(source, decoded, lag);
            if (correlation > best)
            {
                best = correlation;
                bestLag = lag;
            }
        }

        return (best, bestLag);
    }

    /// <summary>Normalised correlation of the source with the decoded signal shifted by <paramref name="lag"/>, over their overlap.</summary>
    public static double AtLag(ReadOnlySpan<short> source, ReadOnlySpan<short> decoded, int lag)
    {
        double cross = 0;
        double sourceEnergy = 0;
        double decodedEnergy = 0;
        for (int i = Math.Max(0, -lag); i < source.Length && i + lag < decoded.Length; i++)
        {
            double a = source[i];
            double b = decoded[i + lag];
            cross += a * b;
            sourceEnergy += a * a;
            decodedEnergy += b * b;
        }

        return cross / Math.Sqrt((sourceEnergy * decodedEnergy) + 1e-9);
    }
}
