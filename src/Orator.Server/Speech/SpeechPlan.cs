using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Server.Voices;

namespace Orator.Server.Speech;

/// <summary>
/// How one request will be spoken: the engine voice, what the engine does natively
/// (tempo within its range, pitch) and the tempo left for the time-stretcher.
/// </summary>
internal sealed record SpeechPlan(ResolvedVoice Voice, string Text, AudioFormat Format, Prosody EngineProsody, float ResidualTempo)
{
    /// <summary>Splits the total tempo (request speed x the voice name's own rate) between engine and stretcher.</summary>
    public static SpeechPlan Create(ResolvedVoice voice, string text, AudioFormat format, double speed)
    {
        ArgumentNullException.ThrowIfNull(voice);
        var total = (float)speed * voice.Rate;
        var native = voice.Voice.RateRange.Clamp(total);
        var residual = total / native;

        // Float noise must not switch on the stretcher for a tempo the engine already hit.
        if (Math.Abs(residual - 1f) < 1e-3f)
        {
            residual = 1f;
        }

        return new SpeechPlan(voice, text, format, new Prosody(native, voice.Pitch), residual);
    }
}
