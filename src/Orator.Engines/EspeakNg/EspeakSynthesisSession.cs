using System.Runtime.ExceptionServices;
using Orator.Engines.Native;

namespace Orator.Engines.EspeakNg;

/// <summary>
/// One <see cref="EspeakSynthesizer.Synthesize"/> call as espeak-ng's callback sees it: where PCM
/// goes and whether the consumer asked to stop.
/// </summary>
internal sealed class EspeakSynthesisSession(NativePcmCallback onAudio)
{
    private ExceptionDispatchInfo? _failure;

    /// <summary>True once the consumer returned false (or threw).</summary>
    public bool IsStopped { get; private set; }

    /// <summary>Hands PCM to the consumer; returns false when synthesis must stop.</summary>
    public bool Deliver(ReadOnlySpan<short> samples)
    {
        if (IsStopped)
        {
            return false;
        }

        if (samples.IsEmpty)
        {
            return true;
        }

        try
        {
            IsStopped = !onAudio(samples);
        }
#pragma warning disable CA1031 // Native code is on the stack: the exception is rethrown once espeak-ng returns.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failure = ExceptionDispatchInfo.Capture(exception);
            IsStopped = true;
        }

        return !IsStopped;
    }

    /// <summary>Rethrows an exception the consumer threw inside the callback.</summary>
    public void ThrowIfConsumerFailed() => _failure?.Throw();
}
