using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Orator.Server.Hosting;

namespace Orator.Cli.Commands;

/// <summary>
/// <c>orator say "text" -o out.wav</c>: speak through the real API, either of a running server
/// (<c>--server</c>) or of an embedded one started for this call.
/// </summary>
internal static class SayCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "What to say (use - to read standard input)." };
        var voice = new Option<string>("--voice", "-v") { Description = "Voice name (OpenAI name or native).", DefaultValueFactory = _ => "alloy" };
        var model = new Option<string>("--model", "-m") { Description = "Model.", DefaultValueFactory = _ => "tts-1" };
        var output = new Option<string>("--output", "-o") { Description = "Output file.", DefaultValueFactory = _ => "speech.wav" };
        var format = new Option<string?>("--format", "-f") { Description = "Response format (default: from the output file's extension, else wav)." };
        var speed = new Option<double>("--speed", "-s") { Description = "Speed 0.25..4.0.", DefaultValueFactory = _ => 1.0 };
        var server = new Option<string?>("--server") { Description = "Base URL of a running Orator (e.g. http://127.0.0.1:8000); default: an embedded one." };
        var key = new Option<string?>("--api-key") { Description = "Bearer key for --server (default: ORATOR_API_KEY)." };
        var command = new Command("say", "Speak text into an audio file.") { text, voice, model, output, format, speed, server, key };
        command.SetAction(async (result, cancellationToken) =>
        {
            var input = result.GetValue(text)!;
            if (input == "-")
            {
                input = await Console.In.ReadToEndAsync(cancellationToken);
            }

            var path = result.GetValue(output)!;
            var responseFormat = result.GetValue(format) ?? FormatFromExtension(path);
            var body = new Dictionary<string, object>
            {
                ["model"] = result.GetValue(model)!,
                ["voice"] = result.GetValue(voice)!,
                ["input"] = input,
                ["response_format"] = responseFormat,
                ["speed"] = result.GetValue(speed),
            };

            OratorServer? embedded = null;
            var baseUrl = result.GetValue(server);
            if (baseUrl is null)
            {
                try
                {
                    embedded = await OratorServer.StartAsync(["--urls=http://127.0.0.1:0", "--Orator:Workers=1", "--Logging:LogLevel:Default=Warning"], cancellationToken: cancellationToken);
                }
                catch (OratorConfigurationException ex)
                {
                    return ConfigurationErrors.Report(Console.Error, ex);
                }

                baseUrl = embedded.Urls[0];
            }

            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };
                var apiKey = result.GetValue(key) ?? Environment.GetEnvironmentVariable("ORATOR_API_KEY");
                if (embedded is null && !string.IsNullOrEmpty(apiKey))
                {
                    http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
                }
                else if (embedded is not null && FirstConfiguredKey() is { } first)
                {
                    // The embedded server enforces ORATOR_API_KEYS like any other: present one.
                    http.DefaultRequestHeaders.Authorization = new("Bearer", first);
                }

                using var response = await http.PostAsJsonAsync("v1/audio/speech", body, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    var error = await response.Content.ReadAsStringAsync(cancellationToken);
                    await Console.Error.WriteLineAsync($"orator say: {(int)response.StatusCode}: {ErrorMessage(error)}");
                    return 1;
                }

                await using (var file = File.Create(path))
                {
                    await response.Content.CopyToAsync(file, cancellationToken);
                }

                Console.Out.WriteLine($"Wrote {path} ({new FileInfo(path).Length} bytes)");
                return 0;
            }
            finally
            {
                if (embedded is not null)
                {
                    await embedded.DisposeAsync();
                }
            }
        });
        return command;
    }

    private static string FormatFromExtension(string path) => Path.GetExtension(path).TrimStart('.').ToLowerInvariant() switch
    {
        "mp3" or "opus" or "aac" or "flac" or "wav" or "pcm" => Path.GetExtension(path).TrimStart('.').ToLowerInvariant(),
        "ogg" => "opus",
        "raw" => "pcm",
        _ => "wav",
    };

    private static string? FirstConfiguredKey() =>
        Environment.GetEnvironmentVariable("ORATOR_API_KEYS")?
            .Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();

    private static string ErrorMessage(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty("error").GetProperty("message").GetString() ?? json;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return json;
        }
    }
}
