using System.Runtime.InteropServices;

namespace Orator.Engines.Native;

/// <summary>
/// The C library's <c>rand()</c> state, which both engines draw from: Flite's CG voices for the
/// noise half of their excitation, espeak-ng for breathy voices. A fresh process starts it from
/// seed 1, which is why the <c>flite</c> command gives the same bytes on every run. Resetting it
/// before each synthesis gives every call the sequence a fresh process would see, so the same
/// text sounds the same whatever this process synthesised before. The state is process-wide,
/// so both engines synthesise under the one <see cref="Gate"/> (a worker process runs one
/// synthesis at a time anyway).
/// </summary>
internal static partial class NativeRandom
{
    private const uint FreshProcessSeed = 1;

    /// <summary>Held while any native engine synthesises, phonemizes or loads.</summary>
    public static Lock Gate { get; } = new();

    /// <summary>Puts <c>rand()</c> back where a freshly started process has it.</summary>
    public static void Reset() => Seed(FreshProcessSeed);

    /// <summary><c>void srand(unsigned int seed)</c> (stdlib.h).</summary>
    [LibraryImport("libc.so.6", EntryPoint = "srand")]
    private static partial void Seed(uint seed);
}
