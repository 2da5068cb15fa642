namespace Orator.Engines.Workers;

/// <summary>
/// Frame types of the server &lt;-&gt; engine-worker protocol. Every frame is
/// <c>[type:u8][payload length:u32 LE][payload]</c> on the worker's stdin (requests) or its
/// protocol channel (replies). See docs/architecture/engine-workers.md.
/// </summary>
internal enum WorkerFrameType : byte
{
    /// <summary>Server to worker: synthesise (see <see cref="SynthesizeCommand"/>).</summary>
    Synthesize = 1,

    /// <summary>Server to worker: stop the request whose sequence number is the u32 payload.</summary>
    Cancel = 2,

    /// <summary>Worker to server, once at start: UTF-8 JSON <see cref="WorkerCatalog"/>.</summary>
    Hello = 16,

    /// <summary>Worker to server: a chunk of s16le mono PCM at the voice's rate.</summary>
    Audio = 17,

    /// <summary>Worker to server: the request ended; payload u32 sequence + u8 (0 completed, 1 cancelled).</summary>
    Done = 18,

    /// <summary>Worker to server: the request failed; payload u32 sequence + UTF-8 message.</summary>
    Failed = 19,

    /// <summary>
    /// Worker to server, only for a request that asked for words: one word's timing (see
    /// <see cref="WordFrame"/>), sent before the Audio frame that holds the word's start.
    /// </summary>
    Word = 20,
}
