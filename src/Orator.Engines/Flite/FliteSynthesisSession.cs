using System.Runtime.ExceptionServices;
using Orator.Core.Engines;
using Orator.Engines.Flite.Interop;
using Orator.Engines.Native;

namespace Orator.Engines.Flite;

/// <summary>
/// One <see cref="FliteSynthesizer.Synthesize"/> call as Flite's callbacks see it: the settings
/// to put on each utterance, where PCM goes, and whether the caller asked to stop.
/// </summary>
internal sealed unsafe class FliteSynthesisSession(FliteVoice voice, Prosody prosody, NativePcmCallback onAudio)
{
    private ExceptionDispatchInfo? _failure;

    /// <summary>True once the consumer returned false (or threw): no further audio is made.</summary>
    public bool IsStopped { get; private set; }

    /// <summary>Writes this call's tempo and pitch onto an utterance about to be synthesised.</summary>
    public void ApplyTo(CstUtterance* utterance)
    {
        var features = utterance->Features;
        NativeMethods.FeatSetFloat(features, FliteStrings.DurationStretch, voice.BaseDurationStretch / prosody.Rate);
        NativeMethods.FeatSetFloat(features, FliteStrings.F0Shift, prosody.Pitch);
        if (prosody.Pitch != 1f)
        {
            voice.PitchModel?.ApplyTo(features);
        }
    }

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
#pragma warning disable CA1031 // Native code is on the stack: the exception is rethrown once Flite returns.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failure = ExceptionDispatchInfo.Capture(exception);
            IsStopped = true;
        }

        return !IsStopped;
    }

    /// <summary>Rethrows an exception the consumer threw inside a callback.</summary>
    public void ThrowIfConsumerFailed() => _failure?.Throw();
}
