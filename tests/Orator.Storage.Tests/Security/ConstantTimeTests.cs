using System.Diagnostics;
using Orator.Storage.Keys;
using Xunit.Abstractions;

namespace Orator.Storage.Tests.Security;

public sealed class ConstantTimeTests(ITestOutputHelper output)
{
    private const int Samples = 301;
    private const int CallsPerSample = 64;

    // Generous: noise on a shared machine moves medians by a few percent; an early exit moves them by far more.
    private const double Bound = 1.35;

    [Fact]
    public void Verification_takes_as_long_for_a_secret_wrong_in_its_last_character_as_in_its_first()
    {
        var secret = ApiKeySecret.NewSecret();
        var salt = ApiKeySecret.NewSalt();
        var hash = ApiKeySecret.Hash(salt, secret);
        var lateMismatch = secret[..^1] + Other(secret[^1]);
        var earlyMismatch = Other(secret[0]) + secret[1..];

        var ratio = Measure(
            () => ApiKeySecret.Verify(salt, hash, lateMismatch),
            () => ApiKeySecret.Verify(salt, hash, earlyMismatch),
            r => r >= 1 / Bound && r <= Bound);

        output.WriteLine($"real verification: median ratio late/early mismatch = {ratio:F3}");
        Assert.InRange(ratio, 1 / Bound, Bound);
        Assert.False(ApiKeySecret.Verify(salt, hash, lateMismatch));
        Assert.True(ApiKeySecret.Verify(salt, hash, secret));
    }

    [Fact]
    public void The_same_measurement_catches_a_comparison_that_stops_at_the_first_difference()
    {
        // The control that shows the test above can fail: a byte-by-byte compare with an early
        // exit, over a stored value long enough for the exit to matter at this timer's resolution.
        var stored = new byte[4096];
        Random.Shared.NextBytes(stored);
        var late = (byte[])stored.Clone();
        late[^1] ^= 1;
        var early = (byte[])stored.Clone();
        early[0] ^= 1;

        var ratio = Measure(() => EarlyExitEquals(stored, late), () => EarlyExitEquals(stored, early), r => r > Bound);

        output.WriteLine($"early-exit compare: median ratio late/early mismatch = {ratio:F3}");
        Assert.True(ratio > Bound, $"the measurement failed to see an early exit (ratio {ratio:F3})");
    }

    /// <summary>
    /// Up to three measurements, stopping at the first that meets <paramref name="expected"/>: a
    /// burst of noise on a shared machine can spoil one, while a real timing difference (or its
    /// absence, for the control) shows in every one.
    /// </summary>
    private double Measure(Func<bool> late, Func<bool> early, Func<double, bool> expected)
    {
        var ratio = double.NaN;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            ratio = MedianRatio(late, early);
            output.WriteLine($"attempt {attempt}: median ratio late/early mismatch = {ratio:F3}");
            if (expected(ratio))
            {
                break;
            }
        }

        return ratio;
    }

    private static double MedianRatio(Func<bool> late, Func<bool> early)
    {
        var a = new double[Samples];
        var b = new double[Samples];
        var sink = false;
        for (var i = 0; i < 2000; i++)
        {
            sink ^= late() ^ early(); // warm up (JIT tiers, caches)
        }

        for (var i = 0; i < Samples; i++)
        {
            // Interleaved, alternating order, so drift and bursts of noise hit both sides alike.
            if (i % 2 == 0)
            {
                a[i] = Time(late, ref sink);
                b[i] = Time(early, ref sink);
            }
            else
            {
                b[i] = Time(early, ref sink);
                a[i] = Time(late, ref sink);
            }
        }

        GC.KeepAlive(sink);
        return Median(a) / Median(b);
    }

    private static double Time(Func<bool> action, ref bool sink)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < CallsPerSample; i++)
        {
            sink ^= action();
        }

        return Stopwatch.GetTimestamp() - start;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static bool EarlyExitEquals(byte[] x, byte[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] != y[i])
            {
                return false;
            }
        }

        return true;
    }

    private static char Other(char c) => c == 'A' ? 'B' : 'A';
}
