using Orator.Core.Engines;
using Orator.Engines.Native;

namespace Orator.Engines.Tests.Support;

/// <summary>Collects what a native synthesizer streams, optionally asking it to stop.</summary>
internal sealed class PcmRecording
{
    private readonly List<short> _samples = [];
    private readonly int _stopAfterChunks;

    /// <param name="stopAfterChunks">Return false from the callback after this many chunks (0 = never).</param>
    public PcmRecording(int stopAfterChunks = 0) => _stopAfterChunks = stopAfterChunks;

    public int Chunks { get; private set; }

    public short[] Samples => [.. _samples];

    public int SampleCount => _samples.Count;

    public bool OnAudio(ReadOnlySpan<short> samples)
    {
        Chunks++;
        foreach (var sample in samples)
        {
            _samples.Add(sample);
        }

        return _stopAfterChunks == 0 || Chunks < _stopAfterChunks;
    }

    public double Seconds(int sampleRate) => (double)_samples.Count / sampleRate;

    /// <summary>Synthesises and returns the recording.</summary>
    public static PcmRecording Of(INativeSynthesizer synthesizer, string voice, string text, Prosody? prosody = null, int stopAfterChunks = 0)
    {
        var recording = new PcmRecording(stopAfterChunks);
        synthesizer.Synthesize(voice, text, prosody ?? Prosody.Neutral, recording.OnAudio);
        return recording;
    }
}
