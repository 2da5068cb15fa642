using Microsoft.ML.OnnxRuntime;

namespace Orator.Engines.Neural.Onnx;

/// <summary>
/// How neural models are opened. One <see cref="InferenceSession"/> per model file, shared by all
/// requests. Threads (docs/architecture/neural-engines.md): intra-op threads = the CPU cores (at
/// most 4: Kokoro's graph stops scaling there), inter-op 1 with sequential execution (the graphs
/// are chains, parallel branches buy nothing), and no spin-waiting, because on a small machine the
/// engine worker processes and the encoders need the cores that spinning threads would burn.
/// </summary>
public static class OnnxSessions
{
    /// <summary>Intra-op threads used when not configured.</summary>
    public static int DefaultIntraOpThreads => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Opens <paramref name="modelPath"/> with the settings above.</summary>
    public static InferenceSession Open(string modelPath, int intraOpThreads = 0)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads > 0 ? intraOpThreads : DefaultIntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Warnings (unused initializers and the like) are about the export, not actionable here.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(modelPath, options);
    }
}
