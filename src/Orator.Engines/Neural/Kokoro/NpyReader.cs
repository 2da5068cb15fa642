using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Orator.Engines.Neural.Kokoro;

/// <summary>
/// Reads a numpy <c>.npy</c> array of little-endian float32 (format versions 1 to 3), as packed
/// into Kokoro's <c>voices-v1.0.bin</c>. Anything else is refused with a clear message.
/// </summary>
internal static partial class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The array's values and shape.</summary>
    public static (float[] Values, int[] Shape) ReadFloat32(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{name} is not a numpy .npy array.");
        }

        var major = bytes[6];
        var headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]) : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        var headerStart = major == 1 ? 10 : 12;
        var header = Encoding.Latin1.GetString(bytes.Slice(headerStart, headerLength));
        if (!header.Contains("'<f4'", StringComparison.Ordinal) || header.Contains("'fortran_order': True", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name}: only C-ordered little-endian float32 arrays are supported (header {header.Trim()}).");
        }

        var shapeMatch = ShapePattern().Match(header);
        int[] shape = shapeMatch.Success
            ? [.. shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)]
            : [];
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var data = bytes[(headerStart + headerLength)..];
        if (data.Length != count * sizeof(float))
        {
            throw new InvalidDataException($"{name}: shape ({string.Join(", ", shape)}) needs {count * sizeof(float)} bytes of data, found {data.Length}.");
        }

        var values = new float[count];
        data.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return (values, shape);
    }

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
