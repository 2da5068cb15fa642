using Orator.Engines.Native;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Orator.Engines.EspeakNg.Interop;

namespace Orator.Engines.EspeakNg;

/// <summary>
/// espeak-ng as loaded into this process: initialised once in synchronous mode with the synth
/// callback installed, and its voice list. espeak-ng keeps all state in globals, so every use goes
/// through <see cref="SynthesisGate"/>. Some of that state carries from one utterance into the
/// next, so before a synthesis that follows another the library is closed and opened again
/// (<see cref="StartFresh"/>).
/// </summary>
internal static unsafe class EspeakRuntime
{
    private const string InstallHint = "install the Debian packages espeak-ng libespeak-ng1";

    /// <summary>Milliseconds of audio per callback.</summary>
    private const int BufferMilliseconds = 50;

    private static readonly Lock s_loadGate = new();
    private static IReadOnlyList<EspeakVoiceEntry>? s_voices;
    private static string? s_problem;
    private static bool s_loaded;
    private static bool s_used;

    /// <summary>
    /// Serialises every call into espeak-ng. It is the same gate as Flite's: both engines draw on
    /// the C library's random state (see <see cref="NativeRandom"/>).
    /// </summary>
    public static Lock SynthesisGate => NativeRandom.Gate;

    /// <summary>
    /// Identifier of the voice espeak-ng has selected (null when unknown); read and written only
    /// under <see cref="SynthesisGate"/>. The phonemizer skips re-selecting an unchanged voice.
    /// </summary>
    public static string? SelectedVoice { get; set; }

    /// <summary>Initialises espeak-ng and lists its voices, once; later calls return the same outcome.</summary>
    public static bool TryLoad(out IReadOnlyList<EspeakVoiceEntry> voices, [NotNullWhen(false)] out string? problem)
    {
        lock (s_loadGate)
        {
            if (!s_loaded)
            {
                lock (SynthesisGate)
                {
                    s_voices = Load(out s_problem);
                }

                s_loaded = true;
            }
        }

        voices = s_voices ?? [];
        problem = s_problem;
        return s_voices is not null;
    }

    /// <summary>
    /// Makes the next synthesis start from espeak-ng's initial state, as a fresh process would: if
    /// anything was synthesised since the library was opened, it is closed, opened again and
    /// initialised. Without this, the same text sounds slightly different (and differs in length)
    /// depending on what this process said before. The caller holds <see cref="SynthesisGate"/>.
    /// </summary>
    public static void StartFresh()
    {
        if (!s_used)
        {
            return;
        }

        NativeMethods.Unload();
        SelectedVoice = null;
        if (!NativeMethods.TryLoad() || Initialize() <= 0)
        {
            throw new InvalidOperationException($"espeak-ng could not be opened again for a fresh synthesis: {InstallHint}.");
        }

        s_used = false;
    }

    /// <summary>Records that a synthesis changed espeak-ng's state; the caller holds <see cref="SynthesisGate"/>.</summary>
    public static void MarkUsed() => s_used = true;

    // DONT_EXIT: without it a missing espeak-ng-data directory ends the whole process.
    private static int Initialize()
    {
        var sampleRate = NativeMethods.Initialize(NativeMethods.AudioOutputSynchronous, BufferMilliseconds, null, NativeMethods.InitializeDontExit);
        if (sampleRate > 0)
        {
            NativeMethods.SetSynthCallback(EspeakCallbacks.Synth);
        }

        return sampleRate;
    }

    private static List<EspeakVoiceEntry>? Load(out string? problem)
    {
        if (!NativeMethods.TryLoad())
        {
            problem = $"espeak-ng library not found ({NativeMethods.LibraryName}): {InstallHint}.";
            return null;
        }

        var sampleRate = Initialize();
        if (sampleRate <= 0)
        {
            problem = $"espeak-ng failed to initialise (espeak_Initialize returned {sampleRate}; is espeak-ng-data installed?): {InstallHint}.";
            return null;
        }

        var voices = EspeakVoiceCatalog.Read(sampleRate);
        if (voices.Count == 0)
        {
            problem = $"espeak-ng lists no voices (espeak-ng-data missing?): {InstallHint}.";
            return null;
        }

        problem = null;
        return voices;
    }
}
