using System.Runtime.InteropServices;
using Orator.Engines.Neural.Kokoro;
using Orator.Testing.NeuralFixtures;

namespace Orator.Engines.Tests.Neural;

public sealed class KokoroVoiceStoreTests
{
    [Fact]
    public void All_54_shared_voices_load_from_the_folder_with_510_rows_of_finite_values()
    {
        var store = KokoroVoiceStore.FromDirectory(FixtureStore.SharedVoices);

        Assert.Equal(54, store.Names.Count);
        foreach (var name in store.Names)
        {
            var voice = store.Get(name);
            Assert.Equal(KokoroVoicePack.Rows * KokoroVoicePack.StyleSize, voice.Values.Length);
            Assert.All(voice.Values.ToArray(), v => Assert.True(float.IsFinite(v)));
        }
    }

    [Fact]
    public void An_npz_built_from_the_folder_loads_the_same_54_voices_bit_for_bit()
    {
        using var temp = new FixtureStore();
        var npz = Path.Combine(temp.Root, "voices-v1.0.bin");
        FixtureStore.WriteNpz(npz, FixtureStore.SharedVoices);
        var folder = KokoroVoiceStore.FromDirectory(FixtureStore.SharedVoices);
        var packed = KokoroVoiceStore.FromNpz(npz);

        Assert.Equal(folder.Names, packed.Names);
        foreach (var name in folder.Names)
        {
            Assert.True(folder.Get(name).Values.SequenceEqual(packed.Get(name).Values), name);
        }
    }

    [Fact]
    public void The_style_row_follows_the_token_count_and_is_clamped_to_the_last_row()
    {
        var store = KokoroVoiceStore.FromDirectory(FixtureStore.SharedVoices);
        var raw = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(FixtureStore.SharedVoices, "af_heart.bin")).AsSpan()).ToArray();
        var voice = store.Get("af_heart");

        Assert.True(voice.StyleFor(12).Span.SequenceEqual(raw.AsSpan(12 * 256, 256)));
        Assert.True(voice.StyleFor(0).Span.SequenceEqual(raw.AsSpan(0, 256)));
        Assert.True(voice.StyleFor(600).Span.SequenceEqual(raw.AsSpan(509 * 256, 256)));
        Assert.True(voice.StyleFor(-3).Span.SequenceEqual(raw.AsSpan(0, 256)));
    }

    [Fact]
    public void A_blend_is_the_weighted_sum_with_weights_normalised_to_one()
    {
        var store = KokoroVoiceStore.FromDirectory(FixtureStore.SharedVoices);
        var bella = store.Get("af_bella").Values.ToArray();
        var sky = store.Get("af_sky").Values.ToArray();

        var blend = store.Get("af_bella(2)+af_sky(1)").Values.ToArray();
        var equal = store.Get("af_bella + af_sky").Values.ToArray();
        var scaled = store.Get("af_bella(4)+af_sky(4)").Values.ToArray();

        for (var i = 0; i < blend.Length; i += 97)
        {
            Assert.Equal(bella[i] * 2 / 3f + sky[i] / 3f, blend[i], 5);
            Assert.Equal((bella[i] + sky[i]) / 2f, equal[i], 5);
            Assert.Equal(equal[i], scaled[i], 6);
        }
    }

    [Theory]
    [InlineData("af_bella", true)]
    [InlineData("af_bella(0.5)+af_sky", true)]
    [InlineData("af_bella(2)+af_sky(1)+am_echo(1.5)", true)]
    [InlineData("af_bella(0)", false)]
    [InlineData("af_bella(x)", false)]
    [InlineData("af_bella(2", false)]
    [InlineData("+af_bella", false)]
    [InlineData("af_nobody", false)]
    [InlineData("", false)]
    public void Voice_specs_are_accepted_only_when_well_formed_and_every_voice_exists(string spec, bool accepted)
    {
        var store = KokoroVoiceStore.FromDirectory(FixtureStore.SharedVoices);
        Assert.Equal(accepted, store.Accepts(spec));
    }

    [Fact]
    public void A_voice_file_of_the_wrong_size_is_refused_with_a_clear_message()
    {
        using var temp = new FixtureStore();
        File.WriteAllBytes(Path.Combine(temp.Root, "af_short.bin"), new byte[1000]);
        var store = KokoroVoiceStore.FromDirectory(temp.Root);

        var error = Assert.Throws<InvalidDataException>(() => store.Get("af_short"));
        Assert.Contains("510 x 256", error.Message, StringComparison.Ordinal);
    }
}
