using System.Runtime.InteropServices;

namespace Orator.Engines.Flite.Interop;

/// <summary>
/// <c>cst_cg_db</c> from <c>/usr/include/flite/cst_cg.h</c> (Flite 2.2): a clustergen voice's
/// model. Mirrored whole because <see cref="FliteCgPitchModel"/> copies it; the header asks that
/// fields only ever be appended, so this prefix layout is stable. Size 280 bytes on 64-bit.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CstCgDb
{
    public byte* Name;
    public void* Types;
    public int NumTypes;
    public int SampleRate;
    public float F0Mean;
    public float F0Stddev;
    public int NumF0Models;
    public void* F0Trees;
    public int NumParamModels;
    public void* ParamTrees;
    public void* SpamF0AccentTree;
    public void* SpamF0PhraseTree;
    public int* NumChannels;
    public int* NumFrames;
    public void* ModelVectors;
    public int NumChannelsSpamF0Accent;
    public int NumFramesSpamF0Accent;
    public void* SpamF0AccentVectors;
    public float* ModelMin;
    public float* ModelRange;
    public void* QTable;
    public int ModelShape;
    public float FrameAdvance;
    public int NumDurModels;
    public void* DurStats;
    public void* DurCart;
    public void* PhoneStates;
    public int DoMlpg;
    public float* DynWin;
    public int DynWinSize;
    public float MlsaAlpha;
    public float MlsaBeta;
    public int MultiModel;
    public int MixedExcitation;
    public int MeNum;
    public int MeOrder;
    public void* MeH;

    /// <summary>
    /// <c>int spamf0</c>: when set, <c>cg_synth</c> replaces the predicted F0 with the SPAM
    /// accent model after the target mean was applied, so the voice ignores
    /// <c>int_f0_target_mean</c> and <c>f0_shift</c>.
    /// </summary>
    public int SpamF0;
    public float Gain;
    public void* Phoneset;
    public void* CharSymMap;
    public void* SymPhoneMap;

    /// <summary><c>int freeable</c>: 0 means <c>delete_cg_db</c> leaves the struct alone.</summary>
    public int Freeable;
}
