using System.Runtime.InteropServices;

namespace Orator.Engines.Flite.Interop;

/// <summary>
/// Imports from <c>libflite.so.1</c> (Flite 2.2, Debian package libflite1). Signatures follow
/// <c>/usr/include/flite/flite.h</c> and the headers it includes; every argument is a pointer or
/// a primitive, so nothing is marshalled. Strings passed in are NUL-terminated bytes; feature
/// names must outlive the feature set (Flite stores the pointer, see <see cref="FliteStrings"/>).
/// Voice registration functions live in the voice libraries and are called through
/// <see cref="RegisterVoice"/>.
/// </summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>The core library's soname.</summary>
    public const string LibraryName = "libflite.so.1";

    /// <summary><c>CST_AUDIO_STREAM_CONT</c> (cst_audio.h): keep synthesising.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_audio.h"/>
    public const int AudioStreamContinue = 0;

    /// <summary><c>CST_AUDIO_STREAM_STOP</c> (cst_audio.h): abandon this utterance.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_audio.h"/>
    public const int AudioStreamStop = -1;

    /// <summary>
    /// <c>int flite_init()</c> (flite.h). Initialises Flite's regex tables; call once per process.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/flite.h"/>
    [LibraryImport(LibraryName, EntryPoint = "flite_init")]
    public static partial int FliteInit();

    /// <summary>
    /// <c>cst_wave *flite_text_to_wave(const char *text, cst_voice *voice)</c> (flite.h): synthesises
    /// a whole text as one utterance. Only used to probe a voice's real sample rate.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/flite.h"/>
    [LibraryImport(LibraryName, EntryPoint = "flite_text_to_wave")]
    public static partial CstWave* FliteTextToWave(byte* text, CstVoice* voice);

    /// <summary><c>void delete_wave(cst_wave *val)</c> (cst_wave.h): frees a wave and its samples.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_wave.h"/>
    [LibraryImport(LibraryName, EntryPoint = "delete_wave")]
    public static partial void DeleteWave(CstWave* wave);

    /// <summary>
    /// <c>cst_tokenstream *ts_open_string(const cst_string *string, whitespace, singlecharsymbols,
    /// prepunctsymbols, postpunctsymbols)</c> (cst_tokenstream.h). Copies <paramref name="text"/>;
    /// NULL symbol sets mean Flite's defaults. The stream is closed by <see cref="FliteTsToSpeech"/>.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_tokenstream.h"/>
    [LibraryImport(LibraryName, EntryPoint = "ts_open_string")]
    public static partial void* TsOpenString(byte* text, byte* whitespace, byte* singleCharSymbols, byte* prePunctuation, byte* postPunctuation);

    /// <summary>
    /// <c>float flite_ts_to_speech(cst_tokenstream *ts, cst_voice *voice, const char *outtype)</c>
    /// (flite.h): the CLI's loop, one utterance per sentence (or 500 tokens); closes <paramref name="tokenStream"/>.
    /// Stops early when an utterance comes back <c>Interrupted</c> (a streaming callback returned
    /// <see cref="AudioStreamStop"/>) or when the <c>utt_user_callback</c> returns NULL.
    /// Returns the seconds of audio produced.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/flite.h"/>
    [LibraryImport(LibraryName, EntryPoint = "flite_ts_to_speech")]
    public static partial float FliteTsToSpeech(void* tokenStream, CstVoice* voice, byte* outputType);

    /// <summary><c>void delete_utterance(cst_utterance *u)</c> (cst_utterance.h).</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_utterance.h"/>
    [LibraryImport(LibraryName, EntryPoint = "delete_utterance")]
    public static partial void DeleteUtterance(CstUtterance* utterance);

    /// <summary><c>float flite_get_param_float(const cst_features *f, const char *name, float def)</c> (flite.h).</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/flite.h"/>
    [LibraryImport(LibraryName, EntryPoint = "flite_get_param_float")]
    public static partial float GetParamFloat(void* features, byte* name, float defaultValue);

    /// <summary><c>const char *flite_get_param_string(const cst_features *f, const char *name, const char *def)</c> (flite.h).</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/flite.h"/>
    [LibraryImport(LibraryName, EntryPoint = "flite_get_param_string")]
    public static partial byte* GetParamString(void* features, byte* name, byte* defaultValue);

    /// <summary><c>const cst_val *flite_get_param_val(const cst_features *f, const char *name, cst_val *def)</c> (flite.h).</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/flite.h"/>
    [LibraryImport(LibraryName, EntryPoint = "flite_get_param_val")]
    public static partial void* GetParamVal(void* features, byte* name, void* defaultValue);

    /// <summary><c>void flite_feat_set_float(cst_features *f, const char *name, float v)</c> (flite.h).</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/flite.h"/>
    [LibraryImport(LibraryName, EntryPoint = "flite_feat_set_float")]
    public static partial void FeatSetFloat(void* features, byte* name, float value);

    /// <summary>
    /// <c>void flite_feat_set(cst_features *f, const char *name, const cst_val *v)</c> (flite.h).
    /// The feature set takes a reference on <paramref name="value"/> and frees it with the set.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/flite.h"/>
    [LibraryImport(LibraryName, EntryPoint = "flite_feat_set")]
    public static partial void FeatSet(void* features, byte* name, void* value);

    /// <summary>
    /// <c>cst_audio_streaming_info *new_audio_streaming_info()</c> (cst_audio.h): allocated with
    /// Flite's allocator; owned by the <c>cst_val</c> that wraps it.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_audio.h"/>
    [LibraryImport(LibraryName, EntryPoint = "new_audio_streaming_info")]
    public static partial CstAudioStreamingInfo* NewAudioStreamingInfo();

    /// <summary><c>cst_val *audio_streaming_info_val(const cst_audio_streaming_info *v)</c> (cst_audio.h).</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_audio.h"/>
    [LibraryImport(LibraryName, EntryPoint = "audio_streaming_info_val")]
    public static partial void* AudioStreamingInfoVal(CstAudioStreamingInfo* info);

    /// <summary><c>cst_val *uttfunc_val(const cst_uttfunc v)</c> (cst_utterance.h): wraps a function pointer.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_utterance.h"/>
    [LibraryImport(LibraryName, EntryPoint = "uttfunc_val")]
    public static partial void* UttFuncVal(delegate* unmanaged<CstUtterance*, CstUtterance*> function);

    /// <summary><c>cst_cg_db *val_cg_db(const cst_val *v)</c> (cst_cg.h).</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_cg.h"/>
    [LibraryImport(LibraryName, EntryPoint = "val_cg_db")]
    public static partial CstCgDb* ValCgDb(void* value);

    /// <summary>
    /// <c>cst_val *cg_db_val(const cst_cg_db *v)</c> (cst_cg.h). Freeing the value calls
    /// <c>delete_cg_db</c>, which does nothing when the db's <c>freeable</c> is 0.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_cg.h"/>
    [LibraryImport(LibraryName, EntryPoint = "cg_db_val")]
    public static partial void* CgDbVal(CstCgDb* db);

    /// <summary><c>cst_relation *utt_relation(const cst_utterance *u, const char *name)</c> (cst_utterance.h): NULL when absent.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_utterance.h"/>
    [LibraryImport(LibraryName, EntryPoint = "utt_relation")]
    public static partial void* UttRelation(CstUtterance* utterance, byte* name);

    /// <summary><c>cst_item *relation_head(cst_relation *r)</c> (cst_relation.h): the first item, or NULL.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_relation.h"/>
    [LibraryImport(LibraryName, EntryPoint = "relation_head")]
    public static partial void* RelationHead(void* relation);

    /// <summary><c>cst_item *item_next(const cst_item *i)</c> (cst_item.h): the next item in its relation, or NULL.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_item.h"/>
    [LibraryImport(LibraryName, EntryPoint = "item_next")]
    public static partial void* ItemNext(void* item);

    /// <summary><c>cst_item *item_prev(const cst_item *i)</c> (cst_item.h): the previous item in its relation, or NULL.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_item.h"/>
    [LibraryImport(LibraryName, EntryPoint = "item_prev")]
    public static partial void* ItemPrev(void* item);

    /// <summary><c>cst_item *item_daughter(const cst_item *i)</c> (cst_item.h): the first daughter, or NULL.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_item.h"/>
    [LibraryImport(LibraryName, EntryPoint = "item_daughter")]
    public static partial void* ItemDaughter(void* item);

    /// <summary><c>cst_item *item_last_daughter(const cst_item *i)</c> (cst_item.h): the last daughter, or NULL.</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_item.h"/>
    [LibraryImport(LibraryName, EntryPoint = "item_last_daughter")]
    public static partial void* ItemLastDaughter(void* item);

    /// <summary>
    /// <c>cst_item *item_as(const cst_item *i, const char *rname)</c> (cst_item.h): the same item
    /// as it appears in relation <paramref name="relation"/>, or NULL when it is not in it.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_item.h"/>
    [LibraryImport(LibraryName, EntryPoint = "item_as")]
    public static partial void* ItemAs(void* item, byte* relation);

    /// <summary><c>int item_feat_present(const cst_item *i, const char *name)</c> (cst_item.h).</summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_item.h"/>
    [LibraryImport(LibraryName, EntryPoint = "item_feat_present")]
    public static partial int ItemFeatPresent(void* item, byte* name);

    /// <summary>
    /// <c>int item_feat_int(const cst_item *i, const char *name)</c> (cst_item.h). A missing feature
    /// is a fatal error in Flite: check <see cref="ItemFeatPresent"/> first.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_item.h"/>
    [LibraryImport(LibraryName, EntryPoint = "item_feat_int")]
    public static partial int ItemFeatInt(void* item, byte* name);

    /// <summary>
    /// <c>float item_feat_float(const cst_item *i, const char *name)</c> (cst_item.h). A missing
    /// feature is a fatal error in Flite: check <see cref="ItemFeatPresent"/> first.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_item.h"/>
    [LibraryImport(LibraryName, EntryPoint = "item_feat_float")]
    public static partial float ItemFeatFloat(void* item, byte* name);

    /// <summary>
    /// <c>const char *ffeature_string(const cst_item *item, const char *featpath)</c> (cst_ffeatures.h):
    /// a feature by path, <c>"0"</c> when absent (never fatal). Valid while the utterance lives.
    /// </summary>
    /// <seealso href="https://github.com/festvox/flite/blob/master/include/cst_ffeatures.h"/>
    [LibraryImport(LibraryName, EntryPoint = "ffeature_string")]
    public static partial byte* FFeatureString(void* item, byte* path);

    /// <summary>
    /// Calls a voice library's <c>cst_voice *register_cmu_us_&lt;name&gt;(const char *voxdir)</c>.
    /// It returns the library's single voice (the same pointer on every call), or NULL.
    /// </summary>
    public static CstVoice* RegisterVoice(nint registerFunction)
        => ((delegate* unmanaged<byte*, CstVoice*>)registerFunction)(null);
}
