using Orator.Core.Audio;
using Orator.Speech.Backends;
using Orator.Speech.Planning;

namespace Orator.Speech.Tests.Support;

/// <summary>
/// A backend at the real seam whose behaviour a test scripts: PCM or encoded bytes, then an
/// optional failure. Used for the outcomes a real engine cannot be made to produce on demand
/// (an upstream that fails after its first bytes, encoded passthrough before issue 14's upstreams).
/// </summary>
internal sealed class ScriptedBackend(BackendAudio audio, Func<BackendOutput, CancellationToken, Task> script) : ISpeechBackend
{
    public string Id => "scripted";

    public BackendAudio AudioFor(SpeechPlan plan) => audio;

    public Task RenderAsync(SpeechPlan plan, BackendOutput output, CancellationToken cancellationToken) => script(output, cancellationToken);

    /// <summary>One chunk of a 440 Hz tone at <paramref name="rate"/>.</summary>
    public static short[] Tone(int rate, double seconds)
    {
        var samples = new short[(int)(rate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate));
        }

        return samples;
    }

    public static async Task WritePcmAsync(IPcmSink sink, short[] samples, CancellationToken cancellationToken)
    {
        await sink.WriteAsync(samples, cancellationToken);
        await sink.EndSegmentAsync(0, cancellationToken);
    }
}
