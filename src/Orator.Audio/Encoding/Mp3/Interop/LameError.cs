namespace Orator.Audio.Encoding.Mp3.Interop;

/// <summary>The one place LAME return codes become exceptions.</summary>
internal static class LameError
{
    /// <summary>Throws when <c>lame_init</c> returned NULL.</summary>
    public static void ThrowIfInvalid(LameHandle handle)
    {
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new InvalidOperationException("LAME failed to create an encoder (lame_init returned NULL: out of memory).");
        }
    }

    /// <summary>Throws when a setter or <c>lame_init_params</c> returned a negative code.</summary>
    public static void ThrowIfFailed(int result, string operation)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"LAME failed to {operation} (error code {result}).");
        }
    }

    /// <summary>Returns the byte count from <c>lame_encode_buffer</c>/<c>lame_encode_flush</c>, or throws for an error code.</summary>
    public static int CheckEncoded(int result, string operation) => result >= 0
        ? result
        : throw new InvalidOperationException($"LAME failed to {operation}: {Describe(result)}.");

    private static string Describe(int code) => code switch
    {
        -1 => "the output buffer was too small (-1)",
        -2 => "out of memory (-2)",
        -3 => "lame_init_params was not called (-3)",
        -4 => "psychoacoustic model error (-4)",
        _ => $"error code {code}",
    };
}
