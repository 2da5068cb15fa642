using System.Runtime.ExceptionServices;

namespace Orator.Engines.Native;

/// <summary>
/// One synthesis call as a native engine's callback sees it: where PCM goes, and whether the
/// consumer asked to stop. An exception thrown by the consumer cannot cross the native frames on
/// the stack, so it is captured here and rethrown once the engine has returned.
/// </summary>
internal class NativeSynthesisSession(NativePcmCallback onAudio)
{
    private ExceptionDispatchInfo? _failure;

    /// <summary>True once the consumer returned false (or threw): no further audio is made.</summary>
    public bool IsStopped { get; private set; }

    /// <summary>Samples handed to the consumer so far.</summary>
    public long DeliveredSamples { get; private set; }

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
            DeliveredSamples += samples.Length;
            IsStopped = !onAudio(samples);
        }
#pragma warning disable CA1031 // Native code is on the stack: rethrown by ThrowIfConsumerFailed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Fail(exception);
        }

        return !IsStopped;
    }

    /// <summary>
    /// Records that the consumer threw inside a callback (a word callback, say): synthesis stops
    /// and <see cref="ThrowIfConsumerFailed"/> rethrows it.
    /// </summary>
    protected void Fail(Exception exception)
    {
        _failure ??= ExceptionDispatchInfo.Capture(exception);
        IsStopped = true;
    }

    /// <summary>Rethrows an exception the consumer threw inside a callback.</summary>
    public void ThrowIfConsumerFailed() => _failure?.Throw();
}
