using System.Runtime.InteropServices;

namespace Orator.Engines.EspeakNg.Interop;

/// <summary>
/// Calls into <c>libespeak-ng.so.1</c> (espeak-ng 1.51, Debian package libespeak-ng1), following
/// <c>/usr/include/espeak-ng/speak_lib.h</c>. All state behind these calls is process-global, and
/// some of it (pitch flutter position, gain control, glottal cycle count) carries from one
/// utterance into the next with no call to reset it. So the library is opened by hand rather than
/// imported: <see cref="Unload"/> closes it, and the next <see cref="TryLoad"/> maps it afresh, with
/// every static back at its initial value. Strings are NUL-terminated UTF-8; every argument is a
/// pointer or primitive (nothing marshalled).
/// </summary>
internal static unsafe class NativeMethods
{
    private static nint s_library;
    private static delegate* unmanaged<int, int, byte*, int, int> s_initialize;
    private static delegate* unmanaged<delegate* unmanaged<short*, int, void*, int>, void> s_setSynthCallback;
    private static delegate* unmanaged<byte*, nuint, uint, int, uint, uint, uint*, void*, EspeakStatus> s_synth;
    private static delegate* unmanaged<EspeakParameter, int, int, EspeakStatus> s_setParameter;
    private static delegate* unmanaged<EspeakVoice*, EspeakVoice**> s_listVoices;
    private static delegate* unmanaged<byte*, EspeakStatus> s_setVoiceByName;
    private static delegate* unmanaged<EspeakVoice*> s_getCurrentVoice;
    private static delegate* unmanaged<void**, int, int, byte*> s_textToPhonemes;

    /// <summary>Opens the library and finds every function used; false when it or one of them is missing.</summary>
    public static bool TryLoad()
    {
        if (s_library != 0)
        {
            return true;
        }

        if (!NativeLibrary.TryLoad(LibraryName, out var library))
        {
            return false;
        }

        try
        {
            s_initialize = (delegate* unmanaged<int, int, byte*, int, int>)NativeLibrary.GetExport(library, "espeak_Initialize");
            s_setSynthCallback = (delegate* unmanaged<delegate* unmanaged<short*, int, void*, int>, void>)NativeLibrary.GetExport(library, "espeak_SetSynthCallback");
            s_synth = (delegate* unmanaged<byte*, nuint, uint, int, uint, uint, uint*, void*, EspeakStatus>)NativeLibrary.GetExport(library, "espeak_Synth");
            s_setParameter = (delegate* unmanaged<EspeakParameter, int, int, EspeakStatus>)NativeLibrary.GetExport(library, "espeak_SetParameter");
            s_listVoices = (delegate* unmanaged<EspeakVoice*, EspeakVoice**>)NativeLibrary.GetExport(library, "espeak_ListVoices");
            s_setVoiceByName = (delegate* unmanaged<byte*, EspeakStatus>)NativeLibrary.GetExport(library, "espeak_SetVoiceByName");
            s_getCurrentVoice = (delegate* unmanaged<EspeakVoice*>)NativeLibrary.GetExport(library, "espeak_GetCurrentVoice");
            s_textToPhonemes = (delegate* unmanaged<void**, int, int, byte*>)NativeLibrary.GetExport(library, "espeak_TextToPhonemes");
        }
        catch (EntryPointNotFoundException)
        {
            NativeLibrary.Free(library);
            return false;
        }

        s_library = library;
        return true;
    }

    /// <summary>
    /// Closes the library. Nothing else in the process holds it, so the dynamic loader unmaps it
    /// and the next <see cref="TryLoad"/> starts from the file's initial data (measured: about 5 ms
    /// including <see cref="Initialize"/>). The caller holds the synthesis gate.
    /// </summary>
    public static void Unload()
    {
        if (s_library == 0)
        {
            return;
        }

        NativeLibrary.Free(s_library);
        s_library = 0;
    }

    /// <summary>The library's soname.</summary>
    public const string LibraryName = "libespeak-ng.so.1";

    /// <summary><c>AUDIO_OUTPUT_SYNCHRONOUS</c>: <c>espeak_Synth</c> blocks and calls back with PCM.</summary>
    public const int AudioOutputSynchronous = 2;

    /// <summary><c>espeakINITIALIZE_DONT_EXIT</c>: report a missing espeak-ng-data instead of exiting.</summary>
    public const int InitializeDontExit = 0x8000;

    /// <summary><c>POS_CHARACTER</c>: <c>position</c> counts characters.</summary>
    public const int PositionCharacter = 1;

    /// <summary><c>espeakCHARS_UTF8</c>: the text is UTF-8.</summary>
    public const uint CharsUtf8 = 0x1;

    /// <summary><c>espeakENDPAUSE</c>: end with a sentence pause, so consecutive chunks join naturally.</summary>
    public const uint EndPause = 0x1000;

    /// <summary>
    /// <c>int espeak_Initialize(espeak_AUDIO_OUTPUT output, int buflength, const char *path, int options)</c>:
    /// returns the sample rate (22050) or -1.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    public static int Initialize(int output, int bufferMilliseconds, byte* path, int options) => s_initialize(output, bufferMilliseconds, path, options);

    /// <summary>
    /// <c>void espeak_SetSynthCallback(t_espeak_callback *SynthCallback)</c>:
    /// <c>int cb(short *wav, int numsamples, espeak_EVENT *events)</c>, <c>wav == NULL</c> at the end,
    /// return 1 to abort. In synchronous mode it runs on the thread calling <see cref="Synth"/>.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    public static void SetSynthCallback(delegate* unmanaged<short*, int, void*, int> callback) => s_setSynthCallback(callback);

    /// <summary>
    /// <c>espeak_ERROR espeak_Synth(const void *text, size_t size, unsigned int position,
    /// espeak_POSITION_TYPE position_type, unsigned int end_position, unsigned int flags,
    /// unsigned int *unique_identifier, void *user_data)</c>.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    public static EspeakStatus Synth(byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, void* userData) => s_synth(text, size, position, positionType, endPosition, flags, uniqueIdentifier, userData);

    /// <summary><c>espeak_ERROR espeak_SetParameter(espeak_PARAMETER parameter, int value, int relative)</c>.</summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    public static EspeakStatus SetParameter(EspeakParameter parameter, int value, int relative) => s_setParameter(parameter, value, relative);

    /// <summary>
    /// <c>const espeak_VOICE **espeak_ListVoices(espeak_VOICE *voice_spec)</c>: NULL lists every
    /// voice (not variants); the array is NULL-terminated and owned by espeak-ng.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    public static EspeakVoice** ListVoices(EspeakVoice* voiceSpec) => s_listVoices(voiceSpec);

    /// <summary>
    /// <c>espeak_ERROR espeak_SetVoiceByName(const char *name)</c>. Takes a voice identifier such as
    /// "gmw/en"; language tags like "en-gb" fail on 1.51 and leave no usable voice selected.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    public static EspeakStatus SetVoiceByName(byte* name) => s_setVoiceByName(name);

    /// <summary><c>espeak_VOICE *espeak_GetCurrentVoice(void)</c>.</summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    public static EspeakVoice* GetCurrentVoice() => s_getCurrentVoice();

    /// <summary><c>espeakPHONEMES_IPA</c> bit of <c>phonememode</c>: phonemes as IPA in UTF-8.</summary>
    public const int PhonemesIpa = 0x02;

    /// <summary>
    /// <c>const char *espeak_TextToPhonemes(const void **textptr, int textmode, int phonememode)</c>:
    /// phonemizes ONE clause of the text, advances <c>*textptr</c> past it (NULL at the end) and
    /// returns a static buffer that the next call overwrites. Punctuation is dropped.
    /// </summary>
    /// <seealso href="https://github.com/espeak-ng/espeak-ng/blob/1.51/src/include/espeak-ng/speak_lib.h"/>
    public static byte* TextToPhonemes(void** textPointer, int textMode, int phonemeMode) => s_textToPhonemes(textPointer, textMode, phonemeMode);
}
