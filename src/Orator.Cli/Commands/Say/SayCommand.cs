using System.CommandLine;
using System.Globalization;
using Orator.Core.Audio;
using Orator.Speech.Captions;
using Orator.Speech.Requests;

namespace Orator.Cli.Commands.Say;

/// <summary>
/// <c>orator say "text" -o out.wav</c>: speak into an audio file or standard output, rendered in
/// this process (<see cref="LocalSay"/>), or through the API of a running server with <c>--server</c>
/// (<see cref="RemoteSay"/>).
/// </summary>
internal static class SayCommand
{
    /// <summary>The one <c>--split</c> mode.</summary>
    public const string SplitChapters = "chapters";

    public static Command Create()
    {
        var text = new Argument<string[]>("text") { Description = "What to say (- or nothing with standard input redirected: read standard input).", Arity = ArgumentArity.ZeroOrMore };
        var file = new Option<string?>("--file") { Description = "Read the text from this UTF-8 file (- for standard input)." };
        var voice = new Option<string>("--voice", "-v") { Description = "Voice name (OpenAI name or native, see `orator voices`).", DefaultValueFactory = _ => "alloy" };
        var model = new Option<string>("--model", "-m") { Description = "Model.", DefaultValueFactory = _ => "tts-1" };
        var output = new Option<string>("--output", "-o") { Description = "Output file; - writes the audio to standard output.", DefaultValueFactory = _ => "speech.wav" };
        var format = new Option<string?>("--format", "-f") { Description = $"Response format: {string.Join(", ", AudioFormats.All.Select(f => f.Name))} (default: from the output file's extension, else wav)." };
        var speed = new Option<double>("--speed", "-s") { Description = string.Create(CultureInfo.InvariantCulture, $"Speed {SpeechRequest.MinSpeed:0.0#}..{SpeechRequest.MaxSpeed:0.0#}."), DefaultValueFactory = _ => 1.0 };
        var instructions = new Option<string?>("--instructions") { Description = "Style instructions, e.g. \"speak slowly and calmly\"." };
        var server = new Option<string?>("--server") { Description = "Base URL of a running Orator (e.g. http://127.0.0.1:8000); default: render in this process." };
        var key = new Option<string?>("--api-key") { Description = "Bearer key for --server (default: ORATOR_API_KEY)." };
        var split = new Option<string?>("--split") { Description = "chapters: one file per chapter (Markdown '#' headings, or 'Chapter ...' lines between blank lines), OUT-01.EXT, OUT-02.EXT, ... and the playlist OUT.m3u." };
        var captions = new Option<string?>("--captions") { Description = "Also write word-timed captions of the audio to this file: .srt, .vtt or .json (the format comes from the extension)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display on standard error." };
        var command = new Command(
            "say",
            "Speak text into an audio file. Rendered in this process (no server, database or port; engine workers as "
            + string.Create(CultureInfo.InvariantCulture, $"`orator serve` starts them, one per core unless Orator:Workers is set, all working on the one text), so the text may be longer than the HTTP API's {SpeechRequest.MaxApiInputLength:N0} characters (its limit, not the CLI's). ")
            + "Long texts (a book) render piece by piece into one file with bounded memory and a progress display on standard error. "
            + "Settings as for `orator serve`; extra --Orator:Key=value tokens act as configuration.")
        {
            text, file, voice, model, output, format, speed, instructions, server, key, split, captions, quiet,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, invocationCancellation) =>
        {
            using var signals = new SignalCancellation(invocationCancellation);
            var cancellationToken = signals.Token;
            var console = new SayConsole(result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var path = result.GetValue(output)!;
            if (ParseFormat(result.GetValue(format), path) is not { } responseFormat)
            {
                return console.Fail(SayExit.Refused, $"unknown --format '{result.GetValue(format)}': use one of {string.Join(", ", AudioFormats.All.Select(f => f.Name))}.");
            }

            var rate = result.GetValue(speed);
            if (!(rate >= SpeechRequest.MinSpeed && rate <= SpeechRequest.MaxSpeed))
            {
                return console.Fail(SayExit.Refused, string.Create(CultureInfo.InvariantCulture, $"--speed must be between {SpeechRequest.MinSpeed} and {SpeechRequest.MaxSpeed}."));
            }

            var splitMode = result.GetValue(split);
            if (splitMode is not null && splitMode != SplitChapters)
            {
                return console.Fail(SayExit.Refused, $"unknown --split '{splitMode}': use --split {SplitChapters}.");
            }

            if (splitMode is not null && path == SayText.Dash)
            {
                return console.Fail(SayExit.Refused, $"--split {SplitChapters} writes one file per chapter: give -o FILE, not -o -.");
            }

            if (splitMode is not null && result.GetValue(server) is not null)
            {
                return console.Fail(SayExit.Refused, $"--split {SplitChapters} renders in this process: leave out --server.");
            }

            SayCaptions? captionFile = null;
            if (result.GetValue(captions) is { } captionPath)
            {
                if (!CaptionFormats.TryFromPath(captionPath, out var captionFormat))
                {
                    return console.Fail(SayExit.Refused, $"--captions {captionPath}: the file must end in .srt, .vtt or .json (that names the format).");
                }

                if (result.GetValue(server) is not null)
                {
                    return console.Fail(SayExit.Refused, "--captions renders in this process: leave out --server (a server gives captions at POST /v1/audio/captions).");
                }

                if (splitMode is not null)
                {
                    return console.Fail(SayExit.Refused, $"--captions writes one captions file for one audio file: leave out --split {SplitChapters}.");
                }

                captionFile = new SayCaptions(captionPath, captionFormat);
            }

            // The parser hands unknown --Key=value tokens to the text argument, in order with the words.
            var (words, configuration) = SayText.SplitArguments([.. result.GetValue(text) ?? [], .. result.UnmatchedTokens]);
            var (input, problem) = await SayText.ReadAsync(words, result.GetValue(file), cancellationToken);
            if (input is null)
            {
                return console.Fail(SayExit.Refused, problem!);
            }

            var say = new SayRequest(input, result.GetValue(voice)!, result.GetValue(model)!, path, responseFormat, rate, NullIfEmpty(result.GetValue(instructions)))
            {
                SplitChapters = splitMode is not null,
                Captions = captionFile,
                Quiet = result.GetValue(quiet),
            };
            if (result.GetValue(server) is not { } baseUrl)
            {
                return await LocalSay.RunAsync(say, configuration, console, cancellationToken);
            }

            if (configuration.Count > 0)
            {
                console.Note($"ignored with --server (the server has its own settings): {string.Join(' ', configuration)}");
            }

            return await RemoteSay.RunAsync(say, baseUrl, result.GetValue(key) ?? Environment.GetEnvironmentVariable("ORATOR_API_KEY"), console, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Runtime settings for an <c>orator say</c> process, applied before anything runs; every other
    /// command (<c>serve</c> above all) keeps the runtime's defaults. Thread-pool threads spin before
    /// they sleep (70 iterations by default), and a render wakes them for every frame the engine
    /// worker sends: on two cores that spinning took about 0.6 s of CPU from the worker over a
    /// 4,096-character render (CLI process 2.06 s -> 1.45 s, wall 5.25 s -> 5.01 s, medians of 4).
    /// </summary>
    public static void PrepareProcess(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["say", ..])
        {
            // Read when the first thread-pool worker starts, so it must be set before any work is queued.
            AppContext.SetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", 0);
        }
    }

    /// <summary>The <c>--format</c> asked for, else the output file's extension, else wav (always for standard output); null for an unknown name.</summary>
    private static AudioFormat? ParseFormat(string? name, string path)
    {
        if (name is not null)
        {
            return AudioFormats.TryParse(name.ToLowerInvariant(), out var format) ? format : null;
        }

        return path == SayText.Dash ? AudioFormat.Wav : AudioFormats.FromFileName(path) ?? AudioFormat.Wav;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
