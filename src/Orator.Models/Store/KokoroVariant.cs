using System.Diagnostics.CodeAnalysis;

namespace Orator.Models.Store;

/// <summary>The three published precisions of the Kokoro-82M v1.0 ONNX export.</summary>
public enum KokoroVariant
{
    /// <summary>Full precision, <c>kokoro-v1.0.onnx</c> (pull name <c>kokoro</c>).</summary>
    Fp32,

    /// <summary>Half precision, <c>kokoro-v1.0.fp16.onnx</c> (<c>kokoro-fp16</c>).</summary>
    Fp16,

    /// <summary>Dynamically quantised, <c>kokoro-v1.0.int8.onnx</c> (<c>kokoro-int8</c>).</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "The published name of this precision.")]
    Int8,
}
