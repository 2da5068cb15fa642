using System.Numerics;
using System.Runtime.InteropServices;

namespace Orator.Audio.Dsp;

/// <summary>
/// Inner products for the FIR and correlation loops. Unlike <c>TensorPrimitives.Dot</c>, whose
/// summation order depends on the memory alignment of the span, this always sums in the same
/// order from the first element, so a stream cut into different chunks gives bit-identical output.
/// </summary>
internal static class VectorMath
{
    /// <summary>Returns the sum of <c>x[i] * y[i]</c> over the length of <paramref name="x"/>.</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (y.Length < x.Length)
        {
            throw new ArgumentException("Spans must have the same length.", nameof(y));
        }

        int i = 0;
        float sum = 0f;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<Vector<float>> xv = MemoryMarshal.Cast<float, Vector<float>>(x);
            ReadOnlySpan<Vector<float>> yv = MemoryMarshal.Cast<float, Vector<float>>(y[..x.Length]);

            // Two independent accumulators hide the latency of the add chain.
            var acc0 = Vector<float>.Zero;
            var acc1 = Vector<float>.Zero;
            int v = 0;
            for (; v + 1 < xv.Length; v += 2)
            {
                acc0 += xv[v] * yv[v];
                acc1 += xv[v + 1] * yv[v + 1];
            }

            if (v < xv.Length)
            {
                acc0 += xv[v] * yv[v];
            }

            sum = Vector.Sum(acc0 + acc1);
            i = xv.Length * Vector<float>.Count;
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
