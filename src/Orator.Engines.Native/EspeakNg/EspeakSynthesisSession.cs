using System.Buffers;
using System.Text;
using Orator.Engines.EspeakNg.Interop;
using Orator.Engines.Native;
using Orator.Engines.Words;

namespace Orator.Engines.EspeakNg;

/// <summary>
/// One espeak-ng synthesis that reports words. espeak-ng marks where each word starts (a word
/// event with the buffer that holds it) but not where it ends, so audio from the start of the
/// word being spoken is held back until its end is known: the next word's start, or the clause's
/// end, with trailing silence trimmed off. Then the word is reported and the audio before the next
/// word's start released. The PCM is the same as without words, only cut at other places.
/// </summary>
internal sealed unsafe class EspeakSynthesisSession : NativeSynthesisSession
{
    private const int InitialHeld = 16 * 1024;

    private readonly WordTimingBuilder _words;
    private readonly int[] _offsets;
    private readonly int _silenceBlock;
    private short[] _held = ArrayPool<short>.Shared.Rent(InitialHeld);
    private long _heldFrom;
    private int _heldCount;

    /// <summary>A session over <paramref name="text"/> (the text given to espeak-ng) at <paramref name="sampleRate"/>.</summary>
    public EspeakSynthesisSession(string text, int sampleRate, NativePcmCallback onAudio, NativeWordCallback onWord)
        : base(onAudio)
    {
        _words = new WordTimingBuilder(WordTokens.Split(text), onWord);
        _offsets = CharacterOffsets(text);
        _silenceBlock = Math.Max(1, sampleRate / 200);
    }

    private long Written => _heldFrom + _heldCount;

    /// <summary>Takes a buffer and its events; false asks espeak-ng to stop.</summary>
    public bool Receive(ReadOnlySpan<short> samples, EspeakEvent* events)
    {
        if (IsStopped)
        {
            return false;
        }

        Hold(samples);
        try
        {
            for (var e = events; e != null && e->Type != EspeakEvent.ListTerminated; e++)
            {
                OnEvent(e);
            }
        }
#pragma warning disable CA1031 // Native code is on the stack: rethrown by ThrowIfConsumerFailed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Fail(exception);
            return false;
        }

        return Release(_words.HasPending ? _words.PendingStart : Written);
    }

    /// <summary>After the synthesis returned: reports the last word and releases what is held.</summary>
    public void Complete()
    {
        if (!IsStopped)
        {
            try
            {
                FinishPending(Written);
            }
#pragma warning disable CA1031 // Rethrown by ThrowIfConsumerFailed, like a failure inside a callback.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Fail(exception);
            }

            Release(Written);
        }

        var held = Interlocked.Exchange(ref _held, []);
        if (held.Length > 0)
        {
            ArrayPool<short>.Shared.Return(held);
        }
    }

    private void OnEvent(EspeakEvent* e)
    {
        var sample = Math.Clamp(e->Sample, _heldFrom, Written);
        switch (e->Type)
        {
            case EspeakEvent.Word:
                var word = _words.Map(Offset(e->TextPosition - 1), Offset(e->TextPosition - 1 + Math.Max(1, e->Length)));
                if (word < 0 || _words.IsPending(word))
                {
                    return;
                }

                FinishPending(sample);
                _words.Begin(word, sample);
                break;
            case EspeakEvent.End or EspeakEvent.MessageTerminated when _words.HasPending && _words.PendingEnd < 0 && sample > _words.PendingStart:
                _words.Extend(sample); // the clause ends here: the word cannot end later
                break;
        }
    }

    private void FinishPending(long next)
    {
        if (!_words.HasPending)
        {
            return;
        }

        var end = _words.PendingEnd >= 0 ? Math.Min(_words.PendingEnd, next) : next;
        _words.Finish(TrimSilence(_words.PendingStart, end));
    }

    // Walks back over blocks of near silence (the pause after a word belongs to no word).
    private long TrimSilence(long start, long end)
    {
        const int Quiet = 200; // about -44 dBFS
        while (end - _silenceBlock > start && end - _silenceBlock >= _heldFrom)
        {
            var block = _held.AsSpan((int)(end - _silenceBlock - _heldFrom), _silenceBlock);
            var loud = false;
            foreach (var sample in block)
            {
                if (Math.Abs((int)sample) > Quiet)
                {
                    loud = true;
                    break;
                }
            }

            if (loud)
            {
                break;
            }

            end -= _silenceBlock;
        }

        return end;
    }

    private void Hold(ReadOnlySpan<short> samples)
    {
        if (_heldCount + samples.Length > _held.Length)
        {
            var larger = ArrayPool<short>.Shared.Rent(Math.Max(_heldCount + samples.Length, _held.Length * 2));
            _held.AsSpan(0, _heldCount).CopyTo(larger);
            ArrayPool<short>.Shared.Return(_held);
            _held = larger;
        }

        samples.CopyTo(_held.AsSpan(_heldCount));
        _heldCount += samples.Length;
    }

    // Delivers what is held before sample `until`, keeping the rest at the front of the buffer.
    private bool Release(long until)
    {
        var count = (int)Math.Clamp(until - _heldFrom, 0, _heldCount);
        if (count == 0)
        {
            return !IsStopped;
        }

        var delivered = Deliver(_held.AsSpan(0, count));
        _held.AsSpan(count, _heldCount - count).CopyTo(_held);
        _heldCount -= count;
        _heldFrom += count;
        return delivered;
    }

    private int Offset(int character) => _offsets[Math.Clamp(character, 0, _offsets.Length - 1)];

    // espeak-ng counts positions in characters (code points) of the UTF-8 text: the UTF-16 offset of each.
    private static int[] CharacterOffsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var offset = 0; offset < text.Length;)
        {
            offsets.Add(offset);
            Rune.DecodeFromUtf16(text.AsSpan(offset), out _, out var width);
            offset += width;
        }

        offsets.Add(text.Length);
        return [.. offsets];
    }
}
