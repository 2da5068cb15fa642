using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Orator.Engines.Neural.Onnx;

/// <summary>One input of a model as its metadata declares it: name and element type.</summary>
/// <param name="Name">The input's name in the graph.</param>
/// <param name="ElementType">Its element type.</param>
public sealed record OnnxInput(string Name, TensorElementType ElementType)
{
    /// <summary>The first input of <paramref name="session"/> whose name is one of <paramref name="names"/>, or null.</summary>
    public static OnnxInput? Find(InferenceSession session, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var name in names)
        {
            if (session.InputMetadata.TryGetValue(name, out var meta))
            {
                return new OnnxInput(name, meta.ElementDataType);
            }
        }

        return null;
    }

    /// <summary>A tensor of <paramref name="values"/> in this input's element type (int64, int32 or float).</summary>
    public OrtValue Create(long[] values, long[] shape) => ElementType switch
    {
        TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(values, shape),
        TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => checked((int)v)), shape),
        TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => (float)v), shape),
        _ => throw new NotSupportedException($"Input '{Name}' has element type {ElementType}; int64, int32 or float expected."),
    };

    /// <summary>A tensor of <paramref name="values"/> in this input's element type (float, float16 via float, int32 or int64 rounded).</summary>
    public OrtValue Create(float[] values, long[] shape) => ElementType switch
    {
        TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(values, shape),
        TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => (int)MathF.Round(v)), shape),
        TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => (long)MathF.Round(v)), shape),
        _ => throw new NotSupportedException($"Input '{Name}' has element type {ElementType}; float, int32 or int64 expected."),
    };
}
