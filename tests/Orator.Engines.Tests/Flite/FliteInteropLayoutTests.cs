using System.Runtime.InteropServices;
using Orator.Engines.Flite.Interop;

namespace Orator.Engines.Tests.Flite;

/// <summary>Sizes and offsets as gcc reports them for Flite 2.2's headers on x86-64.</summary>
public sealed class FliteInteropLayoutTests
{
    [Fact]
    public unsafe void Structs_match_the_flite_2_2_headers()
    {
        Assert.Equal(32, sizeof(CstWave));
        Assert.Equal(40, sizeof(CstAudioStreamingInfo));
        Assert.Equal(32, sizeof(CstUtterance));
        Assert.Equal(32, sizeof(CstVoice));
        Assert.Equal(280, sizeof(CstCgDb));
    }

    [Fact]
    public void The_clustergen_model_fields_this_engine_touches_are_where_the_header_puts_them()
    {
        Assert.Equal(20, Marshal.OffsetOf<CstCgDb>(nameof(CstCgDb.SampleRate)));
        Assert.Equal(24, Marshal.OffsetOf<CstCgDb>(nameof(CstCgDb.F0Mean)));
        Assert.Equal(148, Marshal.OffsetOf<CstCgDb>(nameof(CstCgDb.FrameAdvance)));
        Assert.Equal(240, Marshal.OffsetOf<CstCgDb>(nameof(CstCgDb.SpamF0)));
        Assert.Equal(272, Marshal.OffsetOf<CstCgDb>(nameof(CstCgDb.Freeable)));
    }
}
