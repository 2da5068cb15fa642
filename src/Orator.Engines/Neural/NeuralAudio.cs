namespace Orator.Engines.Neural;

/// <summary>
/// Post-processing of a model's float output: the part above a silence floor (with a short margin
/// so consonants are not clipped), short fades where chunks of one segment are joined, and
/// conversion to 16-bit with clamping (neural outputs can exceed ±1).
/// </summary>
public static class NeuralAudio
{
    /// <summary>Magnitude below which leading and trailing samples count as silence (about -60 dBFS).</summary>
    public const float SilenceFloor = 1e-3f;

    /// <summary>Range of the part of <paramref name="audio"/> that is not leading or trailing silence, widened by <paramref name="margin"/> samples.</summary>
    public static Range Trim(ReadOnlySpan<float> audio, int margin)
    {
        var first = 0;
        while (first < audio.Length && Math.Abs(audio[first]) < SilenceFloor)
        {
            first++;
        }

        if (first == audio.Length)
        {
            return 0..0;
        }

        var last = audio.Length - 1;
        while (last > first && Math.Abs(audio[last]) < SilenceFloor)
        {
            last--;
        }

        return Math.Max(0, first - margin)..Math.Min(audio.Length, last + 1 + margin);
    }

    /// <summary>
    /// Converts <paramref name="audio"/> to 16-bit into <paramref name="output"/> (same length),
    /// clamping, with a linear fade of <paramref name="fadeIn"/> samples at the start and
    /// <paramref name="fadeOut"/> at the end.
    /// </summary>
    public static void ToPcm16(ReadOnlySpan<float> audio, Span<short> output, int fadeIn, int fadeOut)
    {
        if (output.Length < audio.Length)
        {
            throw new ArgumentException("The output is shorter than the audio.", nameof(output));
        }

        fadeIn = Math.Min(fadeIn, audio.Length);
        fadeOut = Math.Min(fadeOut, audio.Length);
        for (var i = 0; i < audio.Length; i++)
        {
            var gain = 1f;
            if (i < fadeIn)
            {
                gain = (i + 1f) / (fadeIn + 1f);
            }

            var fromEnd = audio.Length - 1 - i;
            if (fromEnd < fadeOut)
            {
                gain = Math.Min(gain, (fromEnd + 1f) / (fadeOut + 1f));
            }

            var value = Math.Clamp(audio[i] * gain, -1f, 1f);
            output[i] = (short)MathF.Round(value * short.MaxValue);
        }
    }
}
