using System.Globalization;
using Orator.Cli.Commands.Say.LongForm;
using Orator.Speech.Errors;
using Orator.Speech.Planning;
using Orator.Speech.Rendering;
using Orator.Speech.Requests;
using Orator.Text;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// One in-process render of <c>orator say</c>, any length: the text is read piece by piece
/// (<see cref="PieceReader"/>), each piece planned on its own and rendered onto the end of its
/// part's one stream (<see cref="ContinuousRender"/>), so memory stays flat however long the book;
/// a part is the whole text, or a chapter with <c>--split chapters</c> (<see cref="SayParts"/>).
/// A text of one piece is planned and rendered exactly as the server would render it.
/// See docs/architecture/long-form.md.
/// </summary>
internal sealed class SayRender
{
    private readonly CliSpeech _speech;
    private readonly SayRequest _say;
    private readonly SayConsole _console;
    private readonly TextSurvey _survey;
    private Current? _current;
    private long _samplesBefore;

    private SayRender(CliSpeech speech, SayRequest say, SayConsole console, TextSurvey survey)
    {
        _speech = speech;
        _say = say;
        _console = console;
        _survey = survey;
    }

    /// <summary>Renders <paramref name="say"/>, whose text <paramref name="survey"/> describes; returns the exit status.</summary>
    public static Task<int> RunAsync(CliSpeech speech, SayRequest say, SayConsole console, TextSurvey survey, CancellationToken cancellationToken) =>
        new SayRender(speech, say, console, survey).RunAsync(cancellationToken);

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var reader = _say.Input.OpenReader();
        var split = _say.SplitChapters && _survey.Chapters.MaxStarts > 0;
        if (_say.SplitChapters && !split)
        {
            _console.Note("found no chapter headings ('#' headings or 'Chapter ...' lines): writing one file.");
        }

        var pieces = new PieceReader(reader, PieceLimits.Default, split ? _survey.Chapters : null);
        var piece = await pieces.ReadAsync(cancellationToken);
        var planned = Plan(piece!);
        if (planned.Plan is not { } plan)
        {
            return Refused(planned.Error!);
        }

        await using var parts = new SayParts(_say.Output, _say.Format, split, _survey.Chapters.MaxStarts + 1);
        await using var progress = SayProgress.Start(_console.Error, !Console.IsErrorRedirected, _say.Quiet, _survey.Characters, Snapshot);
        PartStream? part = null;
        try
        {
            while (true)
            {
                if (piece!.StartsPart is { } title)
                {
                    if (part is not null && await CompletePartAsync(part, parts, cancellationToken) is { } failed)
                    {
                        return await FailAsync(progress, failed);
                    }

                    try
                    {
                        part = new PartStream(parts.Open(title), _say.Captions);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        await progress.DisposeAsync();
                        return _console.Fail(parts.Written.Count == 0 ? SayExit.Refused : SayExit.Failed, $"cannot write {_say.Output}: {ex.Message}");
                    }
                }

                Volatile.Write(ref _current, new Current(piece, plan, part!.Render));
                var outcome = await part.Render.RenderAsync(plan, cancellationToken);
                if (outcome.Status != RenderStatus.Completed)
                {
                    return await FailAsync(progress, Failure(outcome, cancellationToken));
                }

                _say.Captions?.EndPiece(piece.Text, piece.Start);

                if (await pieces.ReadAsync(cancellationToken) is not { } next)
                {
                    break;
                }

                // The previous piece's plan is garbage now. The server's GC settings let committed
                // memory grow with so little pressure (1 MB of text allocates ~110 MB in 60 pieces,
                // 7 gen0 collections) that RSS crept up ~30 MB over a book; a full collection here,
                // ~5 ms once a piece (every 16k characters), keeps it at the live size.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                piece = next;
                planned = Plan(piece);
                if (planned.Plan is null)
                {
                    // Only a catalog that changed since the first piece could refuse a later one.
                    return await FailAsync(progress, (SayExit.Failed, planned.Error!.Message));
                }

                plan = planned.Plan;
            }

            if (await CompletePartAsync(part, parts, cancellationToken) is { } unfinished)
            {
                return await FailAsync(progress, unfinished);
            }

            if (_say.Captions is { } captions)
            {
                await captions.WriteAsync(cancellationToken);
                _console.WroteCaptions(captions.Path, captions.Words, _say.Output);
            }

            await progress.CompleteAsync();
            var playlist = await parts.FinishAsync(cancellationToken);
            if (playlist is null)
            {
                var only = parts.Written[0];
                return _console.WroteFile(only.Path, only.Bytes, only.Seconds);
            }

            return _console.WrotePlaylist(playlist, parts.Written);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(progress, (SayExit.Cancelled, "cancelled."));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The input failed on its second reading, or an output file could not be finished.
            return await FailAsync(progress, (SayExit.Failed, ex.Message));
        }
        finally
        {
            if (part is not null)
            {
                await part.DisposeAsync();
            }
        }
    }

    /// <summary>Ends the part's stream and closes its file; the failure, if it did not end.</summary>
    private async Task<(int Exit, string Message)?> CompletePartAsync(PartStream part, SayParts parts, CancellationToken cancellationToken)
    {
        var outcome = await part.Render.CompleteAsync(cancellationToken);
        if (outcome.Status != RenderStatus.Completed)
        {
            return Failure(outcome, cancellationToken);
        }

        await part.DisposeAsync();
        await parts.CompletePartAsync(_say.Format, outcome.AudioSeconds, cancellationToken);
        _samplesBefore += outcome.OutputSamples;
        return null;
    }

    private PlanResult<SpeechPlan> Plan(TextPiece piece) => _speech.Speech.Planner.Plan(new SpeechRequest
    {
        Model = _say.Model,
        Voice = _say.Voice,
        Input = piece.Text,
        Instructions = _say.Instructions,
        ResponseFormat = _say.Format,
        Speed = _say.Speed,
        Piece = new InputPiece(piece.StartsPart is null, piece.BreakAfter),
        Timestamps = _say.Captions is not null,
    });

    /// <summary>How far the render is; called by the progress display on its own thread.</summary>
    private ProgressSnapshot Snapshot()
    {
        if (Volatile.Read(ref _current) is not { } current)
        {
            return default;
        }

        var chunks = current.Plan.Spoken.Chunks;
        var ended = Math.Min(current.Render.SegmentsEnded, chunks.Count);
        var fraction = ended == 0 || current.Plan.Spoken.Text.Length == 0
            ? 0
            : Math.Min(1, (chunks[ended - 1].Start + chunks[ended - 1].Length) / (double)current.Plan.Spoken.Text.Length);
        var characters = current.Piece.Start + (long)((current.Piece.End - current.Piece.Start) * fraction);
        var samples = Volatile.Read(ref _samplesBefore) + current.Render.OutputSamples;
        return new ProgressSnapshot(characters, samples / (double)current.Plan.OutputSampleRate);
    }

    private async Task<int> FailAsync(SayProgress progress, (int Exit, string Message) failure)
    {
        await progress.DisposeAsync();
        return _console.Fail(failure.Exit, failure.Message);
    }

    private static (int Exit, string Message) Failure(RenderOutcome outcome, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C in a terminal reaches the engine workers too: a worker that died of it is not an engine failure.
            return (SayExit.Cancelled, "cancelled.");
        }

        return outcome.Status switch
        {
            RenderStatus.ClientGone => (SayExit.Cancelled, "cancelled."),
            RenderStatus.OverloadedBeforeAudio => (SayExit.Failed, $"no engine worker became free: {outcome.Failure?.Message}"),
            _ => (SayExit.Failed, string.Create(CultureInfo.InvariantCulture, $"the engine failed after {outcome.AudioSeconds:F2} s of audio: {outcome.Failure?.Message}")),
        };
    }

    private int Refused(ApiError error)
    {
        _console.Fail(SayExit.Refused, error.Message);
        if (error.Param is "voice" or "model")
        {
            _console.Note("`orator voices` lists the voices of each model.");
            foreach (var (engine, problem) in _speech.Speech.Engines.MissingEngines)
            {
                _console.Note($"{engine} not available: {problem}");
            }
        }

        return SayExit.Refused;
    }

    /// <summary>The piece rendering now, for the progress display.</summary>
    private sealed record Current(TextPiece Piece, SpeechPlan Plan, ContinuousRender Render);

    /// <summary>One part's stream: its output over the part's file and the render that continues across its pieces.</summary>
    private sealed class PartStream : IAsyncDisposable
    {
        private readonly StreamSpeechOutput _output;
        private bool _disposed;

        public PartStream(SayDestination destination, SayCaptions? captions)
        {
            _output = new StreamSpeechOutput(destination.Stream);
            Render = new ContinuousRender(captions?.Wrap(_output) ?? _output);
        }

        public ContinuousRender Render { get; }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Render.Dispose();
            await _output.DisposeAsync();
        }
    }
}
