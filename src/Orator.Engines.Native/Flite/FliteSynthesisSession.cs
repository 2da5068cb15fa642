using Orator.Core.Engines;
using Orator.Engines.Flite.Interop;
using Orator.Engines.Native;
using Orator.Engines.Words;

namespace Orator.Engines.Flite;

/// <summary>
/// One <see cref="FliteSynthesizer.Synthesize"/> call as Flite's callbacks see it: besides the
/// PCM hand-over, the tempo and pitch to put on each utterance as Flite starts it, and, when
/// words were asked for, each utterance's word timings just before its first audio.
/// </summary>
internal sealed unsafe class FliteSynthesisSession(FliteVoice voice, Prosody prosody, NativePcmCallback onAudio)
    : NativeSynthesisSession(onAudio)
{
    private WordTimingBuilder? _words;
    private int[] _sources = [];
    private bool _utteranceWordsDue;
    private long _utteranceStart;

    /// <summary>
    /// Reports word timings to <paramref name="onWord"/>; <paramref name="sources"/> maps each byte
    /// of the text given to Flite to its UTF-16 offset in <paramref name="text"/>.
    /// </summary>
    public void ReportWords(string text, int[] sources, NativeWordCallback onWord)
    {
        _words = new WordTimingBuilder(WordTokens.Split(text), onWord);
        _sources = sources;
    }

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

        // Utterances follow one another in the output: this one's sample 0 is where the last ended.
        _utteranceWordsDue = _words is not null;
        _utteranceStart = DeliveredSamples;
    }

    /// <summary>
    /// Called with each chunk before it is delivered: on the utterance's first chunk its words
    /// are known (wave synthesis is Flite's last step) and reported, ahead of any of its audio.
    /// </summary>
    public void BeforeAudio(CstAudioStreamingInfo* info, CstWave* wave)
    {
        if (!_utteranceWordsDue || _words is null || info == null || info->Utterance == null || IsStopped)
        {
            return;
        }

        _utteranceWordsDue = false;
        try
        {
            FliteUtteranceWords.Report(info->Utterance, _sources, _words, _utteranceStart, wave->SampleRate, wave->NumSamples);
        }
#pragma warning disable CA1031 // Native code is on the stack: rethrown by ThrowIfConsumerFailed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Fail(exception);
        }
    }
}
