using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Orator.Speech.Planning;

namespace Orator.Speech.Rendering;

/// <summary>
/// Everything about a plan that changes the bytes it renders to, reduced to one digest: the
/// backend, model and resolved voice, the text as spoken (after normalization and the lexicon)
/// and how it is split, the pauses, the engine's tempo and pitch, the residual stretch, the
/// instructions' effect, the format, the framing and the rates, and this build of Orator. Two
/// plans with the same key render to the same bytes (output is deterministic), so the key names
/// a render in the cache and seeds what an encoder needs to be unique per stream (an Ogg serial).
/// What the request said but does not change the sound (the input as typed, the model alias
/// asked for) is left out, so equivalent requests share a key.
/// </summary>
public sealed class RenderKey : IEquatable<RenderKey>
{
    /// <summary>
    /// This build of Orator, as the keys and the disk cache record it: the version plus the
    /// module ids of the assemblies that shape the audio (deterministic builds give the same id
    /// for the same source, and a new one for any change to it).
    /// </summary>
    public static string Build { get; } = string.Join(
        ' ',
        [
            typeof(RenderKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            .. new[] { typeof(RenderKey), typeof(Audio.Encoding.AudioEncoderFactory), typeof(Text.TextChunk), typeof(Engines.Workers.WorkerSpeechEngine), typeof(Core.Engines.Prosody) }
                .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")),
        ]);

    private readonly byte[] _digest;

    private RenderKey(byte[] digest)
    {
        _digest = digest;
        Text = Convert.ToHexStringLower(digest);
    }

    /// <summary>The digest as 64 lower-case hex digits (also a safe file name).</summary>
    public string Text { get; }

    /// <summary>32 bits of the digest, for an Ogg stream serial number.</summary>
    public uint StreamSerial => BitConverter.ToUInt32(_digest, 0);

    /// <summary>The key of <paramref name="plan"/>.</summary>
    public static RenderKey Of(SpeechPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder(plan.Spoken.Text.Length + 256);
        Field(text, "build", Build);
        Field(text, "backend", plan.Backend.Id);
        Field(text, "model", plan.Model.Id);
        Field(text, "voice", plan.Voice.Voice.QualifiedId);
        Field(text, "voice-rate", plan.Voice.Voice.SampleRate);
        Field(text, "voice-language", plan.Voice.Voice.Language);
        Field(text, "format", plan.Format.ToString());
        Field(text, "framing", plan.StreamFormat.ToString());
        Field(text, "engine-tempo", plan.EngineProsody.Rate);
        Field(text, "engine-pitch", plan.EngineProsody.Pitch);
        Field(text, "stretch", plan.ResidualTempo);
        Field(text, "gain", plan.Instructions.Gain);
        Field(text, "volume", plan.VolumeMultiplier);
        Field(text, "pipeline-rate", plan.PipelineSampleRate);
        Field(text, "output-rate", plan.OutputSampleRate);
        foreach (var pause in plan.PausesAfter)
        {
            Field(text, "pause", pause.Ticks);
        }

        foreach (var chunk in plan.Spoken.Chunks)
        {
            Field(text, "chunk", chunk.Text);
        }

        return new RenderKey(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <inheritdoc />
    public bool Equals(RenderKey? other) => other is not null && _digest.AsSpan().SequenceEqual(other._digest);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RenderKey);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_digest, 4);

    /// <inheritdoc />
    public override string ToString() => Text;

    // Length-prefixed, so no value can run into the next field.
    private static void Field(StringBuilder text, string name, string value) =>
        text.Append(name).Append(' ').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');

    private static void Field(StringBuilder text, string name, float value) =>
        Field(text, name, BitConverter.SingleToInt32Bits(value).ToString("x8", CultureInfo.InvariantCulture));

    private static void Field(StringBuilder text, string name, long value) =>
        Field(text, name, value.ToString(CultureInfo.InvariantCulture));
}
