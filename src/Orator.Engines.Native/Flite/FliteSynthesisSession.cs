using Orator.Core.Engines;
using Orator.Engines.Flite.Interop;
using Orator.Engines.Native;

namespace Orator.Engines.Flite;

/// <summary>
/// One <see cref="FliteSynthesizer.Synthesize"/> call as Flite's callbacks see it: besides the
/// PCM hand-over, the tempo and pitch to put on each utterance as Flite starts it.
/// </summary>
internal sealed unsafe class FliteSynthesisSession(FliteVoice voice, Prosody prosody, NativePcmCallback onAudio)
    : NativeSynthesisSession(onAudio)
{
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
}
