namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// One Kokoro voice: 510 style vectors of 256 floats. Row n is the style for an utterance of n
/// tokens, so longer chunks get the row trained for their length.
/// </summary>
public sealed class KokoroVoicePack
{
    /// <summary>Rows in a voice (one per possible token count).</summary>
    public const int Rows = 510;

    /// <summary>Floats per style vector.</summary>
    public const int StyleSize = 256;

    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> (<see cref="Rows"/> x <see cref="StyleSize"/>, row-major).</summary>
    public KokoroVoicePack(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Rows * StyleSize)
        {
            throw new InvalidDataException($"A Kokoro voice has {Rows * StyleSize} values ({Rows} x {StyleSize}); this one has {values.Length}.");
        }

        _values = values;
    }

    /// <summary>The style row for a chunk of <paramref name="tokenCount"/> tokens (clamped to 0..509).</summary>
    public ReadOnlyMemory<float> StyleFor(int tokenCount) => _values.AsMemory(Math.Clamp(tokenCount, 0, Rows - 1) * StyleSize, StyleSize);

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The weighted sum of <paramref name="parts"/>; weights are normalised to sum to 1.</summary>
    public static KokoroVoicePack Blend(IReadOnlyList<(KokoroVoicePack Voice, float Weight)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var total = parts.Sum(p => p.Weight);
        if (parts.Count == 0 || !(total > 0) || !float.IsFinite(total))
        {
            throw new ArgumentException("A blend needs at least one voice and positive weights.", nameof(parts));
        }

        var result = new float[Rows * StyleSize];
        foreach (var (voice, weight) in parts)
        {
            var share = weight / total;
            var values = voice._values;
            for (var i = 0; i < result.Length; i++)
            {
                result[i] += values[i] * share;
            }
        }

        return new KokoroVoicePack(result);
    }
}
