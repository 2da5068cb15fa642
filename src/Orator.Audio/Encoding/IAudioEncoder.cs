using System.Buffers;
using Orator.Core.Audio;

namespace Orator.Audio.Encoding;

/// <summary>
/// Turns a stream of 16-bit mono PCM into the bytes of one response format, incrementally:
/// <see cref="WriteHeader"/> once, <see cref="Encode"/> per chunk, <see cref="Finish"/> once.
/// Implementations write only into the <see cref="IBufferWriter{T}"/> they are given and keep no
/// reference to the samples after a call returns. One instance encodes one stream; not thread-safe.
/// <see cref="IDisposable.Dispose"/> releases codec resources and must be safe to call more than once.
/// </summary>
public interface IAudioEncoder : IDisposable
{
    /// <summary>The format produced.</summary>
    AudioFormat Format { get; }

    /// <summary>The HTTP media type of the output, e.g. <c>audio/wav</c>.</summary>
    string ContentType { get; }

    /// <summary>The sample rate (Hz) of the PCM the encoder expects.</summary>
    int SampleRate { get; }

    /// <summary>
    /// Samples (at <see cref="SampleRate"/>) a decoder plays before the first input sample: codec
    /// priming the stream gives a decoder no way to trim. 0 for PCM, WAV, FLAC and Opus (its pre-skip
    /// is in the header); word timestamps add it so they match what a listener hears.
    /// </summary>
    int PlaybackDelay => 0;

    /// <summary>Writes the container start, if the format has one.</summary>
    void WriteHeader(IBufferWriter<byte> output);

    /// <summary>Encodes <paramref name="samples"/> (mono, at <see cref="SampleRate"/>); may buffer internally.</summary>
    void Encode(ReadOnlySpan<short> samples, IBufferWriter<byte> output);

    /// <summary>Ends the stream: flushes anything buffered in the codec and writes trailers.</summary>
    void Finish(IBufferWriter<byte> output);
}
