using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Server.Voices;

namespace Orator.Server.Speech;

/// <summary>
/// How one request will be spoken: the engine voice, what the engine does natively (tempo within
/// its range, pitch), the tempo left for the time-stretcher, and the loudness and pause scale
/// that came from <c>instructions</c>. <see cref="Text"/> is what the engine reads: the input after
/// pronunciation overrides, the server lexicon and, for English voices, normalization.
/// </summary>
internal sealed record SpeechPlan(ResolvedVoice Voice, string Text, AudioFormat Format, Prosody EngineProsody, float ResidualTempo, InstructionEffect Instructions)
{
    /// <summary>
    /// The rate the audio pipeline reads the engine's samples at. Equal to the engine's rate,
    /// except for engines without native pitch (neural models): their samples are read faster or
    /// slower by the pitch factor (rounded to 50 Hz, so the resampler's ratio stays small), which
    /// shifts pitch and tempo together; <see cref="ResidualTempo"/> then undoes the tempo part.
    /// </summary>
    public int PipelineSampleRate { get; init; } = Voice.Voice.SampleRate;

    /// <summary>Slowest and fastest overall tempo, whatever the voice and instructions add to <c>speed</c>.</summary>
    public const float MinTempo = 0.25f;

    /// <inheritdoc cref="MinTempo"/>
    public const float MaxTempo = 4f;

    /// <summary>Splits the total tempo (speed x the voice's own rate x instructions) between engine and stretcher.</summary>
    public static SpeechPlan Create(ResolvedVoice voice, string text, AudioFormat format, double speed, InstructionEffect instructions)
    {
        ArgumentNullException.ThrowIfNull(voice);
        ArgumentNullException.ThrowIfNull(instructions);
        var total = Math.Clamp((float)speed * voice.Rate * instructions.Rate, MinTempo, MaxTempo);
        var native = voice.Voice.RateRange.Clamp(total);
        var residual = total / native;

        // Float noise must not switch on the stretcher for a tempo the engine already hit.
        if (Math.Abs(residual - 1f) < 1e-3f)
        {
            residual = 1f;
        }

        var pitch = voice.Pitch * instructions.Pitch;
        if (!voice.Voice.NativePitch && Math.Abs(pitch - 1f) >= 1e-3f)
        {
            var rate = voice.Voice.SampleRate;
            var shifted = Math.Max(50, (int)Math.Round(rate * pitch / 50.0) * 50);
            var compensated = Math.Clamp(residual * rate / shifted, MinTempo, MaxTempo);
            return new SpeechPlan(voice, text, format, new Prosody(native, 1f), compensated, instructions) { PipelineSampleRate = shifted };
        }

        return new SpeechPlan(voice, text, format, new Prosody(native, pitch), residual, instructions);
    }
}
