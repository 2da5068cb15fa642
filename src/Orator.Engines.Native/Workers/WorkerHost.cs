using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Orator.Core.Audio;
using Orator.Core.Engines;
using Orator.Engines.Native;

namespace Orator.Engines.Workers;

/// <summary>
/// The loop inside an engine worker process: announces its catalog, then synthesises one request
/// at a time on one thread while a second thread reads commands (so a cancel is seen mid-request).
/// Native engines live only here, so a crash in one takes down this process, never the server.
/// </summary>
internal sealed class WorkerHost : IDisposable
{
    private readonly Dictionary<string, INativeSynthesizer> _synthesizers;
    private readonly IReadOnlyList<WorkerEngineInfo> _engines;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly BlockingCollection<SynthesizeCommand> _queue = new(boundedCapacity: 16);
    private byte[] _audioFrame = new byte[FrameHeader.Size + 8192];
    private long _cancelledSequence = -1;
    private uint _currentSequence;

    /// <summary>Creates a host over the engines that loaded and the problems of those that did not.</summary>
    public WorkerHost(IReadOnlyList<INativeSynthesizer> synthesizers, IReadOnlyList<(string EngineId, string Problem)> missing, Stream input, Stream output)
    {
        _synthesizers = synthesizers.ToDictionary(s => s.EngineId, StringComparer.Ordinal);
        _engines = [.. synthesizers.Select(Describe), .. missing.Select(m => new WorkerEngineInfo(m.EngineId, m.Problem, []))];
        _input = input;
        _output = output;
    }

    /// <summary>Runs until the server closes the command stream. Returns the process exit code.</summary>
    public int Run()
    {
        var hello = JsonSerializer.SerializeToUtf8Bytes(new WorkerCatalog(_engines), WorkerCatalogJsonContext.Default.WorkerCatalog);
        WriteFrame(WorkerFrameType.Hello, hello);

        var reader = new Thread(ReadCommands) { IsBackground = true, Name = "orator-worker-reader" };
        reader.Start();
        foreach (var command in _queue.GetConsumingEnumerable())
        {
            Execute(command);
        }

        return 0;
    }

    private void ReadCommands()
    {
        var header = new byte[FrameHeader.Size];
        try
        {
            while (ReadExactly(header))
            {
                var frame = FrameHeader.Read(header);
                var payload = new byte[frame.Length];
                if (!ReadExactly(payload))
                {
                    break;
                }

                switch (frame.Type)
                {
                    case WorkerFrameType.Synthesize:
                        _queue.Add(SynthesizeCommand.Decode(payload));
                        break;
                    case WorkerFrameType.Cancel:
                        Interlocked.Exchange(ref _cancelledSequence, BinaryPrimitives.ReadUInt32LittleEndian(payload));
                        break;
                    default:
                        throw new InvalidDataException($"Unexpected frame type {frame.Type} from the server.");
                }
            }
        }
        finally
        {
            // The server closed our stdin (or sent garbage): finish the current request and exit.
            Interlocked.Exchange(ref _cancelledSequence, uint.MaxValue);
            _queue.CompleteAdding();
        }
    }

    private bool ReadExactly(Span<byte> buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = _input.Read(buffer[read..]);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    private bool IsCancelled => Interlocked.Read(ref _cancelledSequence) >= _currentSequence;

    private void Execute(SynthesizeCommand command)
    {
        _currentSequence = command.Sequence;
        try
        {
            if (!_synthesizers.TryGetValue(command.EngineId, out var synthesizer))
            {
                throw new InvalidOperationException($"Engine '{command.EngineId}' is not available in this worker.");
            }

            if (!IsCancelled)
            {
                synthesizer.Synthesize(command.Voice, command.Text, command.Prosody, WriteAudio, command.Words ? WriteWord : null);
            }

            Span<byte> done = stackalloc byte[5];
            BinaryPrimitives.WriteUInt32LittleEndian(done, command.Sequence);
            done[4] = IsCancelled ? (byte)1 : (byte)0;
            WriteFrame(WorkerFrameType.Done, done);
        }
#pragma warning disable CA1031 // Any failure of one request is reported to the server; the worker lives on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var message = Encoding.UTF8.GetBytes(ex.Message);
            var failed = new byte[4 + message.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(failed, command.Sequence);
            message.CopyTo(failed.AsSpan(4));
            WriteFrame(WorkerFrameType.Failed, failed);
        }
    }

    private bool WriteAudio(ReadOnlySpan<short> samples)
    {
        if (IsCancelled)
        {
            return false;
        }

        if (samples.IsEmpty)
        {
            return true;
        }

        var bytes = MemoryMarshal.AsBytes(samples);
        var needed = FrameHeader.Size + bytes.Length;
        if (_audioFrame.Length < needed)
        {
            _audioFrame = new byte[needed];
        }

        new FrameHeader(WorkerFrameType.Audio, bytes.Length).Write(_audioFrame);
        bytes.CopyTo(_audioFrame.AsSpan(FrameHeader.Size));
        _output.Write(_audioFrame, 0, needed);
        _output.Flush();
        return !IsCancelled;
    }

    private void WriteWord(WordTiming word)
    {
        if (IsCancelled)
        {
            return;
        }

        Span<byte> payload = stackalloc byte[WordFrame.Size];
        WordFrame.Write(payload, _currentSequence, word);
        WriteFrame(WorkerFrameType.Word, payload);
    }

    private void WriteFrame(WorkerFrameType type, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[FrameHeader.Size];
        new FrameHeader(type, payload.Length).Write(header);
        _output.Write(header);
        _output.Write(payload);
        _output.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _queue.Dispose();

    private static WorkerEngineInfo Describe(INativeSynthesizer synthesizer) => new(
        synthesizer.EngineId,
        null,
        [.. synthesizer.Voices.Select(v => new WorkerVoiceInfo(
            v.NativeName, v.Language, v.Gender.ToString(), v.SampleRate, v.RateRange.Min, v.RateRange.Max, v.DisplayName))]);

    /// <summary>Turns a catalog entry back into an engine voice.</summary>
    public static EngineVoice ToEngineVoice(string engineId, WorkerVoiceInfo info) => new(
        engineId,
        info.NativeName,
        info.Language,
        Enum.TryParse<VoiceGender>(info.Gender, out var gender) ? gender : VoiceGender.Unknown,
        info.SampleRate,
        new RateRange(info.RateMin, info.RateMax),
        info.DisplayName);
}
