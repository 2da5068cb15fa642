using Orator.Audio.Encoding;
using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Speech.Backends;
using Orator.Speech.Catalog;
using Orator.Speech.Requests;

namespace Orator.Speech.Planning;

/// <summary>
/// How one request will be spoken, decided before any audio exists: the model and voice, the
/// backend that renders it, the chunks and the pause after each, what the engine does natively
/// (tempo within its range, pitch), the tempo left for the time-stretcher, loudness and the output
/// format. The renderer needs nothing else.
/// </summary>
public sealed record SpeechPlan
{
    /// <summary>Slowest and fastest overall tempo, whatever the voice and instructions add to <c>speed</c>.</summary>
    public const float MinTempo = 0.25f;

    /// <inheritdoc cref="MinTempo"/>
    public const float MaxTempo = 4f;

    /// <summary>The model the request named.</summary>
    public required SpeechModel Model { get; init; }

    /// <summary>The engine voice and the name's character (pitch, tempo).</summary>
    public required ResolvedVoice Voice { get; init; }

    /// <summary>What renders the plan.</summary>
    public required ISpeechBackend Backend { get; init; }

    /// <summary>The input as the client wrote it (usage is counted on it).</summary>
    public required string Input { get; init; }

    /// <summary>The <c>instructions</c> as the client wrote them, or null.</summary>
    public string? InstructionText { get; init; }

    /// <summary>The text the engine reads and its chunks.</summary>
    public required SpokenText Spoken { get; init; }

    /// <summary>The pause after each chunk, at the engine's sample clock (index = chunk).</summary>
    public required IReadOnlyList<TimeSpan> PausesAfter { get; init; }

    /// <summary>The encoding of the output.</summary>
    public required AudioFormat Format { get; init; }

    /// <summary>Plain audio bytes, or server-sent events carrying them.</summary>
    public SpeechStreamFormat StreamFormat { get; init; } = SpeechStreamFormat.Audio;

    /// <summary>Tempo and pitch the engine applies itself.</summary>
    public required Prosody EngineProsody { get; init; }

    /// <summary>The tempo left for the time-stretcher (1 = none).</summary>
    public required float ResidualTempo { get; init; }

    /// <summary>What <c>instructions</c> asked for that Orator honours, and what it could not.</summary>
    public required InstructionEffect Instructions { get; init; }

    /// <summary>
    /// The rate the audio pipeline reads the engine's samples at. Equal to the engine's rate,
    /// except for engines without native pitch (neural models): their samples are read faster or
    /// slower by the pitch factor (rounded to 50 Hz, so the resampler's ratio stays small), which
    /// shifts pitch and tempo together; <see cref="ResidualTempo"/> then undoes the tempo part.
    /// </summary>
    public required int PipelineSampleRate { get; init; }

    /// <summary>
    /// The request's <c>volume_multiplier</c> (1 = unchanged), applied with the instructions' gain;
    /// above unity the pipeline limits softly, so louder never clips.
    /// </summary>
    public float VolumeMultiplier { get; init; } = 1f;

    /// <summary>The linear gain the pipeline applies: the instructions' times <see cref="VolumeMultiplier"/>.</summary>
    public float Gain => Instructions.Gain * VolumeMultiplier;

    /// <summary>
    /// Word timestamps wanted: the engines report words, the renderer places them on the output
    /// timeline (<see cref="Spoken"/> carries the map back to <see cref="Input"/>).
    /// </summary>
    public bool Timestamps { get; init; }

    /// <summary>The sample rate of the output: the API's 24 kHz unless the request asked for another.</summary>
    public int OutputSampleRate { get; init; } = AudioEncoderFactory.OutputSampleRate;
}
