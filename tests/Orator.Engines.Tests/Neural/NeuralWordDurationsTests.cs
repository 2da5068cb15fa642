using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Orator.Engines.Neural;
using Orator.Engines.Neural.Onnx;
using Orator.Engines.Neural.Phonemes;
using Orator.Engines.Tests.Support;

namespace Orator.Engines.Tests.Neural;

/// <summary>How durations become word edges, and when they are not trusted.</summary>
public sealed class NeuralWordDurationsTests
{
    private const string Text = "ab cd";

    // [pad] ˈ a b ␠ ˈ c d [pad]: framed positions 0..8.
    private static readonly PhonemeUnit[][] Chunk =
    [[
        new(PhonemeKind.Stress, 1, 2), new(PhonemeKind.Sound, 2, 3), new(PhonemeKind.Sound, 3, 4), new(PhonemeKind.Boundary, 4, 5),
        new(PhonemeKind.Stress, 5, 6), new(PhonemeKind.Sound, 6, 7), new(PhonemeKind.Sound, 7, 8),
    ]];

    [Theory]
    [InlineData(TensorElementType.Int64)]
    [InlineData(TensorElementType.Int32)]
    [InlineData(TensorElementType.Float)]
    public async Task Durations_of_every_element_type_give_the_frames_edges(TensorElementType type)
    {
        // Frames: pad 2, ˈ 1, a 2, b 1, space 3, ˈ 1, c 1, d 2, pad 1 = 14 frames, 8400 samples.
        var words = await Place([2, 1, 2, 1, 3, 1, 1, 2, 1], type, 8400, keptStart: 0, kept: 8400);

        Assert.Equal([(1200L, 3600L, false), (5400L, 7800L, false)], words.Select(w => (w.StartSample, w.EndSample, w.Approximate)));
    }

    [Fact]
    public async Task Edges_are_shifted_by_the_trim_and_clamped_to_what_was_kept()
    {
        var words = await Place([2, 1, 2, 1, 3, 1, 1, 2, 1], TensorElementType.Int64, 8400, keptStart: 1500, kept: 5000);

        Assert.Equal([(0L, 2100L), (3900L, 5000L)], words.Select(w => (w.StartSample, w.EndSample)));
    }

    [Fact]
    public async Task Float_durations_round_half_to_even_with_at_least_one_frame()
    {
        // 1.5 -> 2, 2.5 -> 2, 0.2 -> 1 (at least one), 0.5 -> 0 -> 1: the same 14 frames as above.
        var words = await Place([2.4f, 0.2f, 1.5f, 0.5f, 3.4f, 1f, 1f, 2.5f, 1f], TensorElementType.Float, 8400, keptStart: 0, kept: 8400);

        Assert.Equal([(1200L, 3600L), (5400L, 7800L)], words.Select(w => (w.StartSample, w.EndSample)));
    }

    [Fact]
    public async Task Durations_a_little_off_the_audio_are_scaled_onto_it()
    {
        // 14 frames said, 8540 samples made (within 5 % of 8400): 610 samples a frame.
        var words = await Place([2, 1, 2, 1, 3, 1, 1, 2, 1], TensorElementType.Int64, 8540, keptStart: 0, kept: 8540);

        Assert.Equal([(1220L, 3660L), (5490L, 7930L)], words.Select(w => (w.StartSample, w.EndSample)));
    }

    [Theory]
    [InlineData(12000)]         // the frames are not 600 samples: not the units assumed
    [InlineData(8400, 8)]       // one duration short of the input
    public async Task Durations_that_do_not_account_for_the_audio_leave_the_chunk_spread(int audio, int durations = 9)
    {
        float[] frames = [2, 1, 2, 1, 3, 1, 1, 2, 1];
        var words = await Place(frames[..durations], TensorElementType.Float, audio, keptStart: 0, kept: audio);

        Assert.All(words, w => Assert.True(w.Approximate));
        Assert.Equal(2, words.Count);
    }

    private static async Task<List<Core.Audio.WordTiming>> Place(float[] frames, TensorElementType type, int audio, int keptStart, int kept)
    {
        var placer = NeuralWordDurations.Create(Text, new LetterPhonemizer(), "en-us", ipa => ipa.Count(char.IsAsciiLetter), Chunk, [9], 600, minFrames: 1);
        using (var value = Tensor(frames, type))
        {
            placer.Measure(0, FrameDurations.Of(value, type), audio);
        }

        var recording = new StreamRecording();
        await placer.ReportChunkAsync(recording, 0, 0, 0, keptStart, kept, CancellationToken.None);
        return [.. recording.Words];
    }

    private static OrtValue Tensor(float[] frames, TensorElementType type) => type switch
    {
        TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(frames, f => (long)f), [1, frames.Length]),
        TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(frames, f => (int)f), [frames.Length]),
        _ => OrtValue.CreateTensorValueFromMemory(frames, [1, 1, frames.Length]),
    };
}
