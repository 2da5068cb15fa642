using System.IO.Pipelines;

namespace Orator.Speech.Rendering;

/// <summary>
/// Where a render's bytes go: an HTTP response body, server-sent events, a file or standard
/// output. The renderer writes encoded bytes to <see cref="Writer"/> (flushing after every step)
/// but calls <see cref="Begin"/> first, once, when the first audio exists, so an output that has
/// headers (HTTP) commits them only then: a render that fails before any audio can still be
/// answered with an error.
/// </summary>
public interface ISpeechOutput
{
    /// <summary>The encoded bytes; the output owns it (the renderer never completes it).</summary>
    PipeWriter Writer { get; }

    /// <summary>The first audio exists; called once, before the first byte is flushed.</summary>
    void Begin(RenderStart start);

    /// <summary>All audio was written and flushed; the output adds what follows it (the SSE done event).</summary>
    ValueTask EndAsync(RenderSummary summary, CancellationToken cancellationToken);
}
