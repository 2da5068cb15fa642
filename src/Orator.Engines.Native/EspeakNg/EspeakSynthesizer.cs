using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using Orator.Core.Engines;
using Orator.Engines.EspeakNg.Interop;
using Orator.Engines.Native;

namespace Orator.Engines.EspeakNg;

/// <summary>
/// espeak-ng (1.51) in this process: every voice it lists, named by language tag ("en-gb",
/// "fr-fr", "de", "cmn"), 16-bit mono at 22050 Hz. Synthesis runs in espeak-ng's synchronous mode,
/// which calls back with PCM about every 50 ms while <c>espeak_Synth</c> runs. Voice, rate,
/// pitch and the other parameters are set on every call, so no call inherits another's settings.
/// </summary>
internal sealed unsafe class EspeakSynthesizer : INativeSynthesizer
{
    private readonly Dictionary<string, EspeakVoiceEntry> _byName;
    private bool _disposed;

    private EspeakSynthesizer(IReadOnlyList<EspeakVoiceEntry> voices)
    {
        _byName = voices.ToDictionary(entry => entry.Voice.NativeName, StringComparer.OrdinalIgnoreCase);
        Voices = [.. voices.Select(entry => entry.Voice)];
    }

    /// <inheritdoc />
    public string EngineId => EngineIds.Espeak;

    /// <inheritdoc />
    public IReadOnlyList<EngineVoice> Voices { get; }

    /// <summary>
    /// Initialises espeak-ng (once per process). Returns false with a message a user can act on
    /// when the library or its data is missing; never throws for that.
    /// </summary>
    public static bool TryCreate([NotNullWhen(true)] out EspeakSynthesizer? synthesizer, [NotNullWhen(false)] out string? problem)
    {
        if (!EspeakRuntime.TryLoad(out var voices, out problem))
        {
            synthesizer = null;
            return false;
        }

        synthesizer = new EspeakSynthesizer(voices);
        return true;
    }

    /// <inheritdoc />
    public void Synthesize(string nativeVoice, string text, Prosody prosody, NativePcmCallback onAudio, NativeWordCallback? onWord = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(nativeVoice);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(onAudio);

        if (!_byName.TryGetValue(nativeVoice, out var entry))
        {
            throw EspeakError.UnknownVoice(nativeVoice);
        }

        var spoken = text.Replace('\0', ' '); // a NUL would end the text early
        var words = onWord is null ? null : new EspeakSynthesisSession(spoken, entry.Voice.SampleRate, onAudio, onWord);
        var session = words ?? new NativeSynthesisSession(onAudio);
        var nativeText = ToUtf8(spoken);

        lock (EspeakRuntime.SynthesisGate)
        {
            EspeakRuntime.StartFresh();
            NativeRandom.Reset();
            SelectVoice(entry.Identifier);
            SetParameters(entry.Voice, prosody);
            using (EspeakCallbacks.Enter(session))
            {
                fixed (byte* textPointer = nativeText)
                {
                    EspeakRuntime.MarkUsed();
                    var status = NativeMethods.Synth(
                        textPointer,
                        (nuint)nativeText.Length,
                        0,
                        NativeMethods.PositionCharacter,
                        0,
                        NativeMethods.CharsUtf8 | NativeMethods.EndPause,
                        null,
                        null);
                    EspeakError.ThrowIfFailed(status, "synthesise the text");
                }
            }
        }

        words?.Complete();

        session.ThrowIfConsumerFailed();
    }

    /// <summary>
    /// Stops accepting calls. espeak-ng itself stays initialised for the process: other
    /// synthesizers share it, and terminating and re-initialising it is not reliable.
    /// </summary>
    public void Dispose() => _disposed = true;

    /// <summary>Selects a voice by its identifier and checks it took; the caller holds <see cref="EspeakRuntime.SynthesisGate"/>.</summary>
    internal static void SelectVoice(string identifier)
    {
        EspeakRuntime.SelectedVoice = null;
        var name = ToUtf8(identifier);
        fixed (byte* namePointer = name)
        {
            EspeakError.ThrowIfFailed(NativeMethods.SetVoiceByName(namePointer), $"select the voice '{identifier}'");
        }

        // A failed selection can leave espeak-ng on the previous voice, or on none: make sure.
        var current = NativeMethods.GetCurrentVoice();
        var selected = current == null || current->Identifier == null
            ? null
            : Marshal.PtrToStringUTF8((nint)current->Identifier);
        if (!string.Equals(selected, identifier, StringComparison.Ordinal))
        {
            throw EspeakError.VoiceNotSelected(identifier, selected);
        }

        EspeakRuntime.SelectedVoice = identifier;
    }

    // Punctuation and capitals are left at espeak-ng's defaults (neither announced), which this
    // process never changes: espeak-ng 1.51 returns EE_INTERNAL_ERROR when they are set.
    private static void SetParameters(EngineVoice voice, Prosody prosody)
    {
        Set(EspeakParameter.Rate, EspeakProsody.WordsPerMinute(prosody.Rate, voice.RateRange));
        Set(EspeakParameter.Pitch, EspeakProsody.Pitch(prosody.Pitch));
        Set(EspeakParameter.Range, 50);
        Set(EspeakParameter.Volume, 100);
        Set(EspeakParameter.WordGap, 0);
    }

    private static void Set(EspeakParameter parameter, int value)
        => EspeakError.ThrowIfFailed(NativeMethods.SetParameter(parameter, value, 0), $"set {parameter} to {value}");

    private static byte[] ToUtf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
