using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Orator.Engines.Neural.Onnx;

/// <summary>
/// A model's per-token durations output while the run's outputs are alive: int64, int32 or float
/// values in the model's frames, whatever the tensor's rank (Kokoro's official export squeezes it
/// to [T], others keep [1, T]; Piper's alignment output is [1, 1, T]). Empty when the model has no
/// such output or the caller did not ask for it.
/// </summary>
public readonly ref struct FrameDurations
{
    private readonly ReadOnlySpan<long> _int64;
    private readonly ReadOnlySpan<int> _int32;
    private readonly ReadOnlySpan<float> _float;
    private readonly TensorElementType _type;

    private FrameDurations(OrtValue value, TensorElementType type)
    {
        _type = type;
        switch (type)
        {
            case TensorElementType.Int64:
                _int64 = value.GetTensorDataAsSpan<long>();
                Length = _int64.Length;
                break;
            case TensorElementType.Int32:
                _int32 = value.GetTensorDataAsSpan<int>();
                Length = _int32.Length;
                break;
            default:
                _float = value.GetTensorDataAsSpan<float>();
                Length = _float.Length;
                break;
        }
    }

    /// <summary>How many durations (0 when there are none).</summary>
    public int Length { get; }

    /// <summary>The duration of token <paramref name="index"/>, in frames.</summary>
    public double this[int index] => _type switch
    {
        TensorElementType.Int64 => _int64[index],
        TensorElementType.Int32 => _int32[index],
        _ => _float[index],
    };

    /// <summary>True for the element types a durations output may have.</summary>
    public static bool Supports(TensorElementType type) => type is TensorElementType.Int64 or TensorElementType.Int32 or TensorElementType.Float;

    /// <summary>Reads <paramref name="value"/>, a tensor of <paramref name="type"/> (one that <see cref="Supports"/>).</summary>
    internal static FrameDurations Of(OrtValue value, TensorElementType type) => new(value, type);
}
