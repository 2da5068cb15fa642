using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Engines.Native;

namespace Orator.Engines.Tests.Support;

/// <summary>Collects what a native synthesizer streams with word timings, and where each word came in the stream.</summary>
internal sealed class WordRecording
{
    private readonly List<short> _samples = [];

    public List<WordTiming> Words { get; } = [];

    /// <summary>How many samples had been written when each word arrived.</summary>
    public List<int> ArrivedAt { get; } = [];

    public short[] Samples => [.. _samples];

    public int SampleCount => _samples.Count;

    public bool OnAudio(ReadOnlySpan<short> samples)
    {
        foreach (var sample in samples)
        {
            _samples.Add(sample);
        }

        return true;
    }

    public void OnWord(WordTiming word)
    {
        Words.Add(word);
        ArrivedAt.Add(_samples.Count);
    }

    public static WordRecording Of(INativeSynthesizer synthesizer, string voice, string text, Prosody? prosody = null)
    {
        var recording = new WordRecording();
        synthesizer.Synthesize(voice, text, prosody ?? Prosody.Neutral, recording.OnAudio, recording.OnWord);
        return recording;
    }
}
