namespace Orator.Testing.NeuralFixtures;

/// <summary>
/// Builds a small ONNX model (ir_version 8, opset 13) as protobuf bytes, following onnx.proto:
/// ModelProto{ir_version=1, opset_import=8, producer_name=2, graph=7};
/// GraphProto{node=1, name=2, initializer=5, input=11, output=12};
/// NodeProto{input=1, output=2, name=3, op_type=4, attribute=5};
/// AttributeProto{name=1, i=3, type=20}; TensorProto{dims=1, data_type=2, name=8, raw_data=9};
/// ValueInfoProto{name=1, type=2}; TypeProto{tensor_type=1}; TypeProto.Tensor{elem_type=1, shape=2};
/// TensorShapeProto{dim=1}; Dimension{dim_value=1, dim_param=2}.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    public const int Float = 1;
    public const int Int32 = 6;
    public const int Int64 = 7;

    private readonly ProtoWriter _graph = new();
    private int _nodes;

    public OnnxGraphBuilder() => _graph.String(2, "fixture");

    /// <summary>Declares a graph input; a dimension is a number or a symbolic name.</summary>
    public OnnxGraphBuilder Input(string name, int elementType, params object[] dims) => Value(11, name, elementType, dims);

    /// <summary>Declares a graph output.</summary>
    public OnnxGraphBuilder Output(string name, int elementType, params object[] dims) => Value(12, name, elementType, dims);

    public OnnxGraphBuilder ConstantInt64(string name, params long[] values)
    {
        var tensor = new ProtoWriter().Varint(1, values.Length).Varint(2, Int64).String(8, name)
            .Bytes(9, [.. values.SelectMany(BitConverter.GetBytes)]);
        _graph.Message(5, tensor);
        return this;
    }

    public OnnxGraphBuilder ConstantFloat(string name, params float[] values)
    {
        var tensor = new ProtoWriter().Varint(1, values.Length).Varint(2, Float).String(8, name)
            .Bytes(9, [.. values.SelectMany(BitConverter.GetBytes)]);
        _graph.Message(5, tensor);
        return this;
    }

    /// <summary>Adds a node; <paramref name="intAttributes"/> are (name, value) int attributes.</summary>
    public OnnxGraphBuilder Node(string op, string[] inputs, string output, params (string Name, long Value)[] intAttributes)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, $"n{_nodes++}").String(4, op);
        foreach (var (name, value) in intAttributes)
        {
            node.Message(5, new ProtoWriter().String(1, name).Varint(3, value).Varint(20, 2));
        }

        _graph.Message(1, node);
        return this;
    }

    public byte[] Build()
    {
        var model = new ProtoWriter()
            .Varint(1, 8)
            .String(2, "orator-tests")
            .Message(7, _graph)
            .Message(8, new ProtoWriter().String(1, "").Varint(2, 13));
        return model.ToArray();
    }

    private OnnxGraphBuilder Value(int field, string name, int elementType, object[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var dim in dims)
        {
            var dimension = dim is string symbol ? new ProtoWriter().String(2, symbol) : new ProtoWriter().Varint(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
            shape.Message(1, dimension);
        }

        var tensorType = new ProtoWriter().Varint(1, elementType).Message(2, shape);
        var info = new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
        _graph.Message(field, info);
        return this;
    }
}
