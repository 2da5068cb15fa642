namespace Orator.Testing.NeuralFixtures;

/// <summary>The two Kokoro input signatures in circulation.</summary>
internal enum KokoroExport
{
    /// <summary>kokoro-onnx: <c>tokens</c> int64, <c>style</c> float32, <c>speed</c> float32.</summary>
    Tokens,

    /// <summary>Other exports: <c>input_ids</c> int64, <c>style</c> float32, <c>speed</c> int32.</summary>
    InputIds,
}

/// <summary>The durations output of a Kokoro graph, as the exports that have one give it.</summary>
internal enum KokoroDurations
{
    /// <summary>Only the audio (kokoro-onnx, onnx-community's plain export).</summary>
    None,

    /// <summary>hexgrad's <c>KModelForONNX</c>: <c>duration</c> int64 [T], whole frames.</summary>
    Int64,

    /// <summary>onnx-community's timestamped export: <c>durations</c> float [1, T], before rounding.</summary>
    Float,
}

/// <summary>
/// ONNX graphs with Kokoro's and Piper's exact input and output names and types whose output
/// encodes their input, so tests can read back what the engine fed the model:
/// Kokoro: <see cref="StyleBlock"/> samples of style[0][0], then for each framed token id
/// ceil(K / speed) samples of (id + 10) / 1000. Piper: for multi-speaker voices 64 samples of
/// (sid + 10) / 1000, then 64 samples of (input_lengths + 10) / 1000, then for each id
/// ceil(K x length_scale) samples of (id + 10) / 1000.
/// Kokoro with durations (<see cref="KokoroWithDurations"/>): like the real model, every framed
/// token lasts whole frames of <see cref="FrameSamples"/> samples: k = ceil(F / speed) frames of
/// (id + 10) / 1000 each, except that the pads at both ends have one more frame, of silence, first
/// for the leading pad and last for the trailing one (the real output starts and ends quietly, so
/// the engine's trim cuts into them); the durations output says k + 1 for the pads and k for every
/// other token (as floats: those minus 0.25, which round back to them). So the audio is exactly
/// sum(durations) x 600 samples and token t starts at sample 600 x (1 + t x k).
/// Piper with alignments (<see cref="PiperWithAlignment"/>, a voice patched by piper1-gpl): the same
/// with frames of <see cref="HopSamples"/> samples, k = ceil(F x length_scale), and a second output
/// <c>w_ceil</c> float [1, 1, N] of frames per id; id i starts at sample 256 x (1 + i x k).
/// </summary>
internal static class FixtureModels
{
    public const int StyleBlock = 256;
    public const int HeaderBlock = 64;
    public const int FrameSamples = 600;
    public const int HopSamples = 256;

    /// <summary>The sample value an id is encoded as.</summary>
    public static float Encode(long id) => (id + 10) / 1000f;

    /// <summary>The id a 16-bit sample stands for.</summary>
    public static long Decode(short sample) => (long)Math.Round(sample / 32767.0 * 1000) - 10;

    /// <summary>The float value a 16-bit sample stands for.</summary>
    public static double Value(short sample) => sample / 32767.0;

    public static byte[] Kokoro(KokoroExport export, int samplesPerToken = 8)
    {
        var ids = export == KokoroExport.Tokens ? "tokens" : "input_ids";
        var g = new OnnxGraphBuilder()
            .Input(ids, OnnxGraphBuilder.Int64, 1, "T")
            .Input("style", OnnxGraphBuilder.Float, 1, 256)
            .Input("speed", export == KokoroExport.Tokens ? OnnxGraphBuilder.Float : OnnxGraphBuilder.Int32, 1)
            .Output("audio", OnnxGraphBuilder.Float, "samples");
        Constants(g, samplesPerToken);
        if (export == KokoroExport.Tokens)
        {
            g.Node("Identity", ["speed"], "speed_f");
        }
        else
        {
            g.Node("Cast", ["speed"], "speed_f", ("to", OnnxGraphBuilder.Float));
        }

        g.Node("Div", ["k0", "speed_f"], "k_raw");
        EncodeIds(g, ids, "k_raw", "token_audio");
        g.Node("Slice", ["style", "zero", "one", "one"], "style00")
            .Node("Reshape", ["style00", "one"], "style_flat")
            .Node("Tile", ["style_flat", "style_block"], "style_audio")
            .Node("Concat", ["style_audio", "token_audio"], "audio", ("axis", 0));
        return g.Build();
    }

    public static byte[] KokoroWithDurations(KokoroExport export, KokoroDurations durations, int framesPerToken = 1)
    {
        var ids = export == KokoroExport.Tokens ? "tokens" : "input_ids";
        var g = new OnnxGraphBuilder()
            .Input(ids, OnnxGraphBuilder.Int64, 1, "T")
            .Input("style", OnnxGraphBuilder.Float, 1, 256)
            .Input("speed", export == KokoroExport.Tokens ? OnnxGraphBuilder.Float : OnnxGraphBuilder.Int32, 1)
            .Output("waveform", OnnxGraphBuilder.Float, "samples");
        if (durations == KokoroDurations.Int64)
        {
            g.Output("duration", OnnxGraphBuilder.Int64, "T");
        }
        else if (durations == KokoroDurations.Float)
        {
            g.Output("durations", OnnxGraphBuilder.Float, 1, "T");
        }

        Constants(g, framesPerToken);
        g.ConstantFloat("frame", FrameSamples)
            .ConstantFloat("silent", 0f)
            .ConstantFloat("quarter", 0.25f)
            .ConstantInt64("frame_block", FrameSamples)
            .ConstantInt64("row_shape", 1, -1);
        if (export == KokoroExport.Tokens)
        {
            g.Node("Identity", ["speed"], "speed_f");
        }
        else
        {
            g.Node("Cast", ["speed"], "speed_f", ("to", OnnxGraphBuilder.Float));
        }

        g.Node("Div", ["k0", "speed_f"], "frames_raw")
            .Node("Ceil", ["frames_raw"], "frames_f")
            .Node("Mul", ["frames_f", "frame"], "k_raw");
        EncodeIds(g, ids, "k_raw", "token_audio");
        g.Node("Slice", ["style", "zero", "one", "one"], "style00")
            .Node("Reshape", ["style00", "one"], "style_flat")
            .Node("Mul", ["style_flat", "silent"], "silence")
            .Node("Tile", ["silence", "frame_block"], "silent_frame")
            .Node("Concat", ["silent_frame", "token_audio", "silent_frame"], "waveform", ("axis", 0));
        if (durations == KokoroDurations.None)
        {
            return g.Build();
        }

        g.Node("Cast", ["frames_f"], "frames", ("to", OnnxGraphBuilder.Int64))
            .Node("Shape", [ids], "ids_shape")
            .Node("Slice", ["ids_shape", "one", "two", "zero"], "token_count")
            .Node("Sub", ["token_count", "two"], "inner_count")
            .Node("Tile", ["frames", "inner_count"], "inner_frames")
            .Node("Add", ["frames", "one"], "pad_frames")
            .Node("Concat", ["pad_frames", "inner_frames", "pad_frames"], durations == KokoroDurations.Int64 ? "duration" : "frames_all", ("axis", 0));
        if (durations == KokoroDurations.Float)
        {
            g.Node("Cast", ["frames_all"], "frames_all_f", ("to", OnnxGraphBuilder.Float))
                .Node("Sub", ["frames_all_f", "quarter"], "frames_early")
                .Node("Reshape", ["frames_early", "row_shape"], "durations");
        }

        return g.Build();
    }

    public static byte[] Piper(bool multiSpeaker, bool rank3Output = false, int samplesPerToken = 8)
    {
        var g = new OnnxGraphBuilder()
            .Input("input", OnnxGraphBuilder.Int64, 1, "N")
            .Input("input_lengths", OnnxGraphBuilder.Int64, 1)
            .Input("scales", OnnxGraphBuilder.Float, 3);
        if (multiSpeaker)
        {
            g.Input("sid", OnnxGraphBuilder.Int64, 1);
        }

        g.Output("output", OnnxGraphBuilder.Float, rank3Output ? [1, 1, "samples"] : [1, 1, 1, "samples"]);
        Constants(g, samplesPerToken);
        g.ConstantInt64("output_shape", rank3Output ? [1, 1, -1] : [1, 1, 1, -1])
            .Node("Slice", ["scales", "one", "two", "zero"], "length_scale")
            .Node("Mul", ["k0", "length_scale"], "k_raw");
        EncodeIds(g, "input", "k_raw", "token_audio");
        Header(g, "input_lengths", "length_audio");
        List<string> parts = ["length_audio", "token_audio"];
        if (multiSpeaker)
        {
            Header(g, "sid", "sid_audio");
            parts.Insert(0, "sid_audio");
        }

        g.Node("Concat", [.. parts], "flat", ("axis", 0))
            .Node("Reshape", ["flat", "output_shape"], "output");
        return g.Build();
    }

    public static byte[] PiperWithAlignment(int framesPerId = 1)
    {
        var g = new OnnxGraphBuilder()
            .Input("input", OnnxGraphBuilder.Int64, 1, "N")
            .Input("input_lengths", OnnxGraphBuilder.Int64, 1)
            .Input("scales", OnnxGraphBuilder.Float, 3)
            .Output("output", OnnxGraphBuilder.Float, 1, 1, 1, "samples")
            .Output("w_ceil", OnnxGraphBuilder.Float, 1, 1, "N");
        Constants(g, framesPerId);
        g.ConstantFloat("hop", HopSamples)
            .ConstantFloat("silent", 0f)
            .ConstantInt64("hop_block", HopSamples)
            .ConstantInt64("output_shape", 1, 1, 1, -1)
            .ConstantInt64("alignment_shape", 1, 1, -1)
            .Node("Slice", ["scales", "one", "two", "zero"], "length_scale")
            .Node("Mul", ["k0", "length_scale"], "frames_raw")
            .Node("Ceil", ["frames_raw"], "frames_f")
            .Node("Mul", ["frames_f", "hop"], "k_raw");
        EncodeIds(g, "input", "k_raw", "token_audio");
        g.Node("Cast", ["input_lengths"], "lengths_f", ("to", OnnxGraphBuilder.Float))
            .Node("Mul", ["lengths_f", "silent"], "silence")
            .Node("Tile", ["silence", "hop_block"], "silent_frame")
            .Node("Concat", ["silent_frame", "token_audio", "silent_frame"], "flat", ("axis", 0))
            .Node("Reshape", ["flat", "output_shape"], "output")
            .Node("Shape", ["input"], "ids_shape")
            .Node("Slice", ["ids_shape", "one", "two", "zero"], "id_count")
            .Node("Sub", ["id_count", "two"], "inner_count")
            .Node("Tile", ["frames_f", "inner_count"], "inner_frames")
            .Node("Add", ["frames_f", "one_f"], "end_frames")
            .Node("Concat", ["end_frames", "inner_frames", "end_frames"], "frames_all", ("axis", 0))
            .Node("Reshape", ["frames_all", "alignment_shape"], "w_ceil");
        return g.Build();
    }

    private static void Constants(OnnxGraphBuilder g, int samplesPerToken) =>
        g.ConstantFloat("k0", samplesPerToken)
            .ConstantFloat("ten", 10f)
            .ConstantFloat("one_f", 1f)
            .ConstantFloat("thousand", 1000f)
            .ConstantInt64("zero", 0)
            .ConstantInt64("one", 1)
            .ConstantInt64("two", 2)
            .ConstantInt64("column", -1, 1)
            .ConstantInt64("flat_shape", -1)
            .ConstantInt64("style_block", StyleBlock)
            .ConstantInt64("header_block", HeaderBlock);

    /// <summary>ids [1, T] to ceil(k) samples per id of (id + 10) / 1000.</summary>
    private static void EncodeIds(OnnxGraphBuilder g, string ids, string kRaw, string output) =>
        g.Node("Cast", [ids], ids + "_f", ("to", OnnxGraphBuilder.Float))
            .Node("Add", [ids + "_f", "ten"], ids + "_shifted")
            .Node("Div", [ids + "_shifted", "thousand"], ids + "_value")
            .Node("Reshape", [ids + "_value", "column"], ids + "_column")
            .Node("Ceil", [kRaw], "k_ceil")
            .Node("Cast", ["k_ceil"], "k", ("to", OnnxGraphBuilder.Int64))
            .Node("Concat", ["one", "k"], "repeats", ("axis", 0))
            .Node("Tile", [ids + "_column", "repeats"], ids + "_tiled")
            .Node("Reshape", [ids + "_tiled", "flat_shape"], output);

    /// <summary>A [1] int64 input to 64 samples of (value + 10) / 1000.</summary>
    private static void Header(OnnxGraphBuilder g, string input, string output) =>
        g.Node("Cast", [input], input + "_f", ("to", OnnxGraphBuilder.Float))
            .Node("Add", [input + "_f", "ten"], input + "_shifted")
            .Node("Div", [input + "_shifted", "thousand"], input + "_value")
            .Node("Tile", [input + "_value", "header_block"], output);
}
