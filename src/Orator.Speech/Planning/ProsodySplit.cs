using Orator.Core.Engines;
using Orator.Speech.Catalog;

namespace Orator.Speech.Planning;

/// <summary>
/// Splits the total tempo (speed x the voice's own rate x instructions) between the engine (what
/// its voice honours natively) and the time-stretcher, and decides how pitch is reached.
/// </summary>
/// <param name="Engine">Tempo and pitch asked of the engine.</param>
/// <param name="ResidualTempo">Tempo left for the time-stretcher.</param>
/// <param name="PipelineSampleRate">The rate the pipeline reads the engine's samples at.</param>
internal readonly record struct ProsodySplit(Prosody Engine, float ResidualTempo, int PipelineSampleRate)
{
    public static ProsodySplit For(ResolvedVoice voice, double speed, InstructionEffect instructions)
    {
        var total = Math.Clamp((float)speed * voice.Rate * instructions.Rate, SpeechPlan.MinTempo, SpeechPlan.MaxTempo);
        var native = voice.Voice.RateRange.Clamp(total);
        var residual = total / native;

        // Float noise must not switch on the stretcher for a tempo the engine already hit.
        if (Math.Abs(residual - 1f) < 1e-3f)
        {
            residual = 1f;
        }

        var rate = voice.Voice.SampleRate;
        var pitch = voice.Pitch * instructions.Pitch;
        if (!voice.Voice.NativePitch && Math.Abs(pitch - 1f) >= 1e-3f)
        {
            var shifted = Math.Max(50, (int)Math.Round(rate * pitch / 50.0) * 50);
            var compensated = Math.Clamp(residual * rate / shifted, SpeechPlan.MinTempo, SpeechPlan.MaxTempo);
            return new ProsodySplit(new Prosody(native, 1f), compensated, shifted);
        }

        return new ProsodySplit(new Prosody(native, pitch), residual, rate);
    }
}
