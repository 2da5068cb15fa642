using Orator.Audio.Pipeline;
using Orator.Core.Audio;

namespace Orator.Speech.Rendering;

/// <summary>
/// Feeds joined PCM into the audio pipeline, beginning the output (headers, container header)
/// only when the first non-empty audio arrives.
/// </summary>
internal sealed class FirstAudioSink(ISpeechOutput output, AudioPipeline pipeline, string contentType) : IPcmSink
{
    /// <summary>True once the output has begun.</summary>
    public bool Started { get; private set; }

    /// <summary>Begins the output and writes the container header, if that has not happened yet.</summary>
    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (Started)
        {
            return ValueTask.CompletedTask;
        }

        Started = true;
        output.Begin(new RenderStart(contentType));
        return pipeline.StartAsync(cancellationToken);
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
