using Microsoft.Extensions.Configuration;
using Orator.Server.Hosting;
using Orator.Speech.Configuration;
using Orator.Speech.Hosting;
using Orator.Text.Pronunciation;

namespace Orator.Cli.Commands;

/// <summary>
/// Speech in this process for the commands that need engines but no server (<c>say</c>,
/// <c>voices</c>): the settings are read as <c>orator serve</c> reads them, the engines started
/// through <see cref="LocalSpeech"/>, and only warnings are logged, to standard error, so standard
/// output stays free for the command's own output (or audio).
/// </summary>
internal sealed class CliSpeech : IAsyncDisposable
{
    private CliSpeech(LocalSpeech speech)
    {
        Speech = speech;
    }

    /// <summary>The engines and the planner.</summary>
    public LocalSpeech Speech { get; }

    /// <summary>
    /// The <c>Orator</c> section of the configuration <c>orator serve</c> would read, with
    /// <paramref name="configurationArgs"/> (tokens like <c>--Orator:Voices:alloy:Voice=flite:rms</c>)
    /// as its command line. With <paramref name="rendering"/> the worker count is what
    /// <c>orator serve</c> would start (<c>Orator:Workers</c>, by default one per core): one
    /// request renders on every worker at once. Without it (listing voices) it is 1, since more
    /// would only cost start-up.
    /// </summary>
    /// <exception cref="CliConfigurationException">The configuration cannot be read or bound.</exception>
    public static SpeechOptions LoadOptions(IReadOnlyList<string> configurationArgs, bool rendering)
    {
        try
        {
            // Validated as `orator serve` validates it (every problem named), before anything starts.
            IConfiguration configuration = OratorConfiguration.Build(configurationArgs);
            SpeechOptions options = OratorOptions.FromConfiguration(configuration);
            if (rendering)
            {
                return options;
            }

            var workersKey = SpeechOptions.SectionName + ":" + nameof(SpeechOptions.Workers);
            configuration = new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection([new KeyValuePair<string, string?>(workersKey, "1")])
                .Build();
            return OratorOptions.FromConfiguration(configuration);
        }
        catch (OratorConfigurationException ex)
        {
            throw new CliConfigurationException(string.Join(Environment.NewLine, ex.Problems.Select(p => "error: " + p)), ex);
        }
    }

    /// <summary>Starts the engines of <paramref name="options"/> (missing engines are reported, not thrown).</summary>
    /// <exception cref="CliConfigurationException">The pronunciation lexicon cannot be read.</exception>
    public static async Task<CliSpeech> StartAsync(SpeechOptions options, CancellationToken cancellationToken)
    {
        SpeechTextPreparer preparer;
        try
        {
            preparer = LocalSpeech.PreparerFor(options);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CliConfigurationException(ex.Message, ex);
        }

        return new CliSpeech(await LocalSpeech.StartAsync(options, preparer, new StandardErrorLogger("Orator.Engines"), cancellationToken));
    }

    /// <summary>Stops the engine workers.</summary>
    public ValueTask DisposeAsync() => Speech.DisposeAsync();
}
