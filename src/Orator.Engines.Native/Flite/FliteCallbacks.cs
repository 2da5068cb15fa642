using System.Runtime.InteropServices;
using Orator.Engines.Flite.Interop;

namespace Orator.Engines.Flite;

/// <summary>
/// The native entry points Flite calls back into. Flite calls them on the synthesising thread,
/// so the active <see cref="FliteSynthesisSession"/> is found in a thread-static; with no
/// session (e.g. the sample-rate probe at registration) they let Flite carry on unchanged.
/// </summary>
internal static unsafe class FliteCallbacks
{
    [ThreadStatic]
    private static FliteSynthesisSession? t_session;

    /// <summary>The <c>asc</c> function installed in every voice's <c>streaming_info</c>.</summary>
    public static delegate* unmanaged<CstWave*, int, int, int, CstAudioStreamingInfo*, int> AudioChunk => &OnAudioChunk;

    /// <summary>The <c>utt_user_callback</c> installed on every voice.</summary>
    public static delegate* unmanaged<CstUtterance*, CstUtterance*> UtteranceStart => &OnUtteranceStart;

    /// <summary>Makes <paramref name="session"/> the receiver of callbacks on this thread until disposed.</summary>
    public static Scope Enter(FliteSynthesisSession session)
    {
        if (t_session is not null)
        {
            throw new InvalidOperationException("Flite synthesis is not re-entrant: a synthesis is already running on this thread.");
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
    private static int OnAudioChunk(CstWave* wave, int start, int size, int last, CstAudioStreamingInfo* info)
    {
        var session = t_session;
        if (session is null)
        {
            return NativeMethods.AudioStreamContinue;
        }

        session.BeforeAudio(info, wave);
        var samples = size > 0 ? new ReadOnlySpan<short>(wave->Samples + start, size) : default;
        return session.Deliver(samples) ? NativeMethods.AudioStreamContinue : NativeMethods.AudioStreamStop;
    }

    [UnmanagedCallersOnly]
    private static CstUtterance* OnUtteranceStart(CstUtterance* utterance)
    {
        var session = t_session;
        if (session is null)
        {
            return utterance;
        }

        if (session.IsStopped)
        {
            // Returning NULL ends flite_ts_to_speech's loop, which then frees nothing: free it here.
            NativeMethods.DeleteUtterance(utterance);
            return null;
        }

        session.ApplyTo(utterance);
        return utterance;
    }
}
