using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Orator.Server.Api;
using Orator.Server.Hosting;
using Orator.Speech.Captions;
using Orator.Speech.Rendering;
using Orator.Speech.Requests;

namespace Orator.Server.Speech;

/// <summary>
/// A render into the HTTP response: the audio bytes as the body, or wrapped in server-sent
/// events. The 200 and its headers are committed only when the first audio exists
/// (<see cref="Begin"/>), so a render that fails before that is still answered with a JSON error.
/// </summary>
internal sealed class HttpSpeechOutput : ISpeechOutput, IWordOutput
{
    private const string EventStream = "text/event-stream; charset=utf-8";
    private const string Json = "application/json";
    private readonly HttpResponse _response;
    private readonly ResponseLabels _labels;
    private readonly long _startTimestamp;
    private readonly Action<TimeSpan> _firstAudio;
    private readonly SsePipeWriter? _sse;
    private readonly BufferedBodyWriter? _buffered;
    private readonly CaptionedPipeWriter? _captioned;
    private readonly CaptionCollector? _captions;

    /// <summary>Creates an output labelled <paramref name="labels"/>; <paramref name="firstAudio"/> is told the time to first audio.</summary>
    /// <param name="response">The response written to.</param>
    /// <param name="labels">What the headers say about the audio.</param>
    /// <param name="startTimestamp">When the request began.</param>
    /// <param name="firstAudio">Told the time to first audio.</param>
    /// <param name="buffered">
    /// <c>stream: false</c>: hold the whole body and send it with a Content-Length when the render
    /// ends (raw audio only; the parser refuses it with SSE).
    /// </param>
    public HttpSpeechOutput(HttpResponse response, ResponseLabels labels, long startTimestamp, Action<TimeSpan> firstAudio, bool buffered = false)
        : this(response, labels, startTimestamp, firstAudio, SpeechBodyShape.Audio(buffered))
    {
    }

    /// <summary>Creates an output of the body <paramref name="shape"/> the endpoint answers with.</summary>
    public HttpSpeechOutput(HttpResponse response, ResponseLabels labels, long startTimestamp, Action<TimeSpan> firstAudio, SpeechBodyShape shape)
    {
        _response = response;
        _labels = labels;
        _startTimestamp = startTimestamp;
        _firstAudio = firstAudio;
        switch (shape.Kind)
        {
            case SpeechBodyKind.Captions:
                _captions = new CaptionCollector(shape.Input, shape.CaptionFormat);
                break;
            case SpeechBodyKind.CaptionedSpeech:
                _captioned = new CaptionedPipeWriter(response.BodyWriter, shape.AudioContentType, streaming: !shape.Buffered, shape.ReturnTimestamps);
                break;
            default:
                _sse = labels.StreamFormat == SpeechStreamFormat.Sse ? new SsePipeWriter(response.BodyWriter) : null;
                _buffered = shape.Buffered && _sse is null ? new BufferedBodyWriter() : null;
                break;
        }
    }

    /// <summary>True once the response has begun.</summary>
    public bool Started { get; private set; }

    /// <summary>The <c>x-orator-cache</c> value (<c>hit</c> or <c>miss</c>); null when caching is off.</summary>
    public string? CacheState { get; set; }

    /// <inheritdoc />
    public PipeWriter Writer => (PipeWriter?)_sse ?? (PipeWriter?)_buffered ?? (PipeWriter?)_captioned ?? (PipeWriter?)_captions?.Audio ?? _response.BodyWriter;

    /// <inheritdoc />
    public void Begin(RenderStart start)
    {
        Started = true;
        var elapsed = Stopwatch.GetElapsedTime(_startTimestamp);
        _response.StatusCode = StatusCodes.Status200OK;
        _response.ContentType = _sse is not null ? EventStream
            : _captioned is not null ? Json
            : _captions is not null ? CaptionFormats.MediaType(_captions.Format)
            : start.ContentType;
        _response.Headers.CacheControl = "no-store";
        _response.Headers["x-orator-voice"] = _labels.Voice;
        _response.Headers["x-orator-backend"] = _labels.Backend;
        if (CacheState is not null)
        {
            _response.Headers["x-orator-cache"] = CacheState;
        }

        if (_labels.Instructions is { } honoured)
        {
            // Say what was honoured and what was not, rather than silently ignore any of it.
            _response.Headers["x-orator-instructions"] = honoured;
        }

        _response.Headers[ReferenceHeaders.ProcessingMs] = ((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        _firstAudio(elapsed);
    }

    /// <inheritdoc />
    public async ValueTask WordsAsync(IReadOnlyList<SpokenWord> words, CancellationToken cancellationToken)
    {
        if (_sse is not null)
        {
            await _sse.WriteWordsAsync(words, cancellationToken);
        }

        _captioned?.AddWords(words);
        _captions?.Add(words);
    }

    /// <inheritdoc />
    public async ValueTask EndAsync(RenderSummary summary, CancellationToken cancellationToken)
    {
        if (_sse is not null)
        {
            await _sse.WriteDoneAsync(summary.Usage, cancellationToken);
        }

        if (_captioned is not null)
        {
            await _captioned.FinishAsync(cancellationToken);
        }

        if (_captions is not null)
        {
            var text = _captions.Write();
            _response.ContentLength = text.Length;
            await _response.BodyWriter.WriteAsync(text, cancellationToken);
        }

        if (_buffered is not null)
        {
            // Nothing has been sent yet, so the length can still lead the body.
            _response.ContentLength = _buffered.Written.Length;
            await _buffered.CopyToAsync(_response.BodyWriter, cancellationToken);
        }
    }
}
