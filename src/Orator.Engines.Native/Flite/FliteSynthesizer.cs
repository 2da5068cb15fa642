using System.Diagnostics.CodeAnalysis;
using Orator.Core.Engines;
using Orator.Engines.Flite.Interop;
using Orator.Engines.Native;

namespace Orator.Engines.Flite;

/// <summary>
/// Flite (CMU Flite 2.2) in this process: the voices slt, rms, awb, kal16 and kal. Text is read
/// through a token stream and synthesised sentence by sentence, as the <c>flite</c> command line
/// does; PCM is handed over through Flite's audio streaming callback while each sentence is being
/// made. Tempo maps to <c>duration_stretch</c>, pitch to <c>f0_shift</c>, both set per utterance.
/// </summary>
internal sealed unsafe class FliteSynthesizer : INativeSynthesizer
{
    /// <summary>Highest pitch multiplier passed on; Flite clamps F0 to 50..700 Hz anyway.</summary>
    private const float MaxPitch = 4f;

    private readonly IReadOnlyList<FliteVoice> _voices;
    private bool _disposed;

    private FliteSynthesizer(IReadOnlyList<FliteVoice> voices)
    {
        _voices = voices;
        Voices = [.. voices.Select(voice => voice.Voice)];
    }

    /// <inheritdoc />
    public string EngineId => EngineIds.Flite;

    /// <inheritdoc />
    public IReadOnlyList<EngineVoice> Voices { get; }

    /// <summary>
    /// Loads Flite and its voices (once per process). Returns false with a message a user can act
    /// on when the native libraries are missing; never throws for that.
    /// </summary>
    public static bool TryCreate([NotNullWhen(true)] out FliteSynthesizer? synthesizer, [NotNullWhen(false)] out string? problem)
    {
        if (!FliteRuntime.TryLoad(out var voices, out problem))
        {
            synthesizer = null;
            return false;
        }

        synthesizer = new FliteSynthesizer(voices);
        return true;
    }

    /// <inheritdoc />
    public void Synthesize(string nativeVoice, string text, Prosody prosody, NativePcmCallback onAudio, NativeWordCallback? onWord = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(nativeVoice);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(onAudio);

        var voice = Find(nativeVoice);
        var session = new FliteSynthesisSession(voice, Sanitize(prosody, voice.Voice.RateRange), onAudio);
        var sources = onWord is null ? null : new List<int>();
        var nativeText = FliteTextSanitizer.ToNativeText(text, sources);
        if (onWord is not null)
        {
            session.ReportWords(text, [.. sources!], onWord);
        }

        if (nativeText.AsSpan(0, nativeText.Length - 1).TrimEnd(" \t\r\n"u8).IsEmpty)
        {
            return; // Flite would make a pause out of nothing
        }

        lock (FliteRuntime.SynthesisGate)
        {
            using (FliteCallbacks.Enter(session))
            {
                NativeRandom.Reset();
                Speak(voice.Native, nativeText);
            }
        }

        session.ThrowIfConsumerFailed();
    }

    /// <summary>
    /// Stops accepting calls. The native voices stay loaded for the process: other synthesizers
    /// share them, and Flite's voices are process-wide singletons.
    /// </summary>
    public void Dispose() => _disposed = true;

    private static void Speak(CstVoice* voice, byte[] nativeText)
    {
        // Flite's token loop stops at the end of the stream before it keeps a token it has just
        // read, so a last sentence of one token that starts a new utterance ("Hello there. Bye.")
        // would go unsaid. A newline after the text (as a text file ends) keeps it, and changes
        // nothing else: whitespace after the last token is not part of any token or break.
        var terminated = new byte[nativeText.Length + 1];
        nativeText.AsSpan(0, nativeText.Length - 1).CopyTo(terminated);
        terminated[^2] = (byte)'\n';
        var features = voice->Features;
        fixed (byte* text = terminated)
        {
            // Same symbol sets as flite_file_to_speech, so sentences split exactly as in the CLI.
            var tokens = NativeMethods.TsOpenString(
                text,
                NativeMethods.GetParamString(features, FliteStrings.TextWhitespace, null),
                NativeMethods.GetParamString(features, FliteStrings.TextSingleCharSymbols, null),
                NativeMethods.GetParamString(features, FliteStrings.TextPrePunctuation, null),
                NativeMethods.GetParamString(features, FliteStrings.TextPostPunctuation, null));
            FliteError.ThrowIfNull(tokens, "open a token stream over the text");

            // Closes the token stream. The return value (seconds made) is not needed: audio has
            // already gone through the callback, and a stop is not an error.
            NativeMethods.FliteTsToSpeech(tokens, voice, FliteStrings.OutputNone);
        }
    }

    private static Prosody Sanitize(Prosody prosody, RateRange rates)
    {
        var rate = float.IsFinite(prosody.Rate) && prosody.Rate > 0 ? rates.Clamp(prosody.Rate) : 1f;
        var pitch = float.IsFinite(prosody.Pitch) && prosody.Pitch > 0 ? Math.Clamp(prosody.Pitch, 1f / MaxPitch, MaxPitch) : 1f;
        return new Prosody(rate, pitch);
    }

    private FliteVoice Find(string nativeVoice)
    {
        foreach (var voice in _voices)
        {
            if (string.Equals(voice.Voice.NativeName, nativeVoice, StringComparison.OrdinalIgnoreCase))
            {
                return voice;
            }
        }

        throw FliteError.UnknownVoice(nativeVoice, _voices.Select(voice => voice.Voice.NativeName));
    }
}
