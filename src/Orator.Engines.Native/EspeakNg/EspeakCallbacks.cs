using Orator.Engines.Native;
using System.Runtime.InteropServices;
using Orator.Engines.EspeakNg.Interop;

namespace Orator.Engines.EspeakNg;

/// <summary>
/// The synth callback registered with espeak-ng. In synchronous mode espeak-ng calls it on the
/// thread inside <c>espeak_Synth</c>, so the active session is found in a thread-static. A plain
/// static function pointer needs no delegate to keep alive.
/// </summary>
internal static unsafe class EspeakCallbacks
{
    private const int Continue = 0;
    private const int Abort = 1;

    [ThreadStatic]
    private static NativeSynthesisSession? t_session;

    /// <summary>The function passed to <c>espeak_SetSynthCallback</c>.</summary>
    public static delegate* unmanaged<short*, int, void*, int> Synth => &OnSynth;

    /// <summary>Makes <paramref name="session"/> the receiver of PCM on this thread until disposed.</summary>
    public static Scope Enter(NativeSynthesisSession session)
    {
        if (t_session is not null)
        {
            throw new InvalidOperationException("espeak-ng synthesis is not re-entrant: a synthesis is already running on this thread.");
        }

        t_session = session;
        return new Scope();
    }

    /// <summary>Ends the session started by <see cref="Enter"/>.</summary>
    internal readonly struct Scope : IDisposable
    {
        public void Dispose() => t_session = null;
    }

    [UnmanagedCallersOnly]
    private static int OnSynth(short* samples, int count, void* events)
    {
        var session = t_session;
        if (session is null || samples == null)
        {
            return Continue; // NULL samples: synthesis finished
        }

        var chunk = count > 0 ? new ReadOnlySpan<short>(samples, count) : default;
        if (session is EspeakSynthesisSession words)
        {
            return words.Receive(chunk, (EspeakEvent*)events) ? Continue : Abort;
        }

        return session.Deliver(chunk) ? Continue : Abort;
    }
}
