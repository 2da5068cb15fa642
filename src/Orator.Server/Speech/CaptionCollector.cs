using System.Buffers;
using System.IO.Pipelines;
using Orator.Speech.Captions;

namespace Orator.Server.Speech;

/// <summary>
/// <c>/v1/audio/captions</c>: the audio is rendered (its timeline is the one the captions describe)
/// but not sent; the words are kept and become the captions when the render ends.
/// </summary>
internal sealed class CaptionCollector(string input, CaptionFormat format)
{
    private readonly List<SpokenWord> _words = [];

    /// <summary>The format the captions are written in.</summary>
    public CaptionFormat Format => format;

    /// <summary>Where the audio goes: nowhere.</summary>
    public PipeWriter Audio { get; } = new DiscardPipeWriter();

    /// <summary>Keeps <paramref name="words"/>.</summary>
    public void Add(IReadOnlyList<SpokenWord> words)
    {
        foreach (var word in words)
        {
            // Captions take words in input order without overlaps; an entry that would go back is left out.
            if (_words.Count == 0 || word.Offset >= _words[^1].Offset + _words[^1].Length)
            {
                _words.Add(word);
            }
        }
    }

    /// <summary>The captions of every word kept.</summary>
    public ReadOnlyMemory<byte> Write()
    {
        var output = new ArrayBufferWriter<byte>();
        CaptionWriter.Write(CaptionBuilder.Build(input, _words), format, output);
        return output.WrittenMemory;
    }

    /// <summary>Takes bytes and forgets them.</summary>
    private sealed class DiscardPipeWriter : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> _scratch = new(16 * 1024);

        public override void Advance(int bytes) => _scratch.ResetWrittenCount();

        public override Memory<byte> GetMemory(int sizeHint = 0) => _scratch.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _scratch.GetSpan(sizeHint);

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new FlushResult(cancellationToken.IsCancellationRequested, isCompleted: false));
    }
}
