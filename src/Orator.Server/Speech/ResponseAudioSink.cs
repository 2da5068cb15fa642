using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Orator.Audio.Pipeline;
using Orator.Core.Audio;

namespace Orator.Server.Speech;

/// <summary>
/// Feeds engine PCM into the response's audio pipeline, committing the 200 response only when
/// the first audio exists: an engine that fails before that still gets a proper JSON error.
/// <paramref name="started"/> is told the time to first audio when the response starts.
/// </summary>
internal sealed class ResponseAudioSink(HttpResponse response, AudioPipeline pipeline, long startTimestamp, Action<TimeSpan>? started = null) : IPcmSink
{
    /// <summary>True once the response status and headers have been sent.</summary>
    public bool Started { get; private set; }

    /// <summary>Starts the response (headers and container header) if it has not started yet.</summary>
    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (Started)
        {
            return;
        }

        Started = true;
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
        response.Headers["openai-processing-ms"] = ((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        started?.Invoke(elapsed);
        await pipeline.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        if (!Started)
        {
            if (samples.IsEmpty)
            {
                return;
            }

            await StartAsync(cancellationToken);
        }

        await pipeline.WriteAsync(samples, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask EndSegmentAsync(int segment, CancellationToken cancellationToken) => pipeline.EndSegmentAsync(segment, cancellationToken);
}
