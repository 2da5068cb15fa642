using Microsoft.Extensions.Configuration;

namespace Orator.Server.Hosting;

/// <summary>
/// The one place that layers Orator's configuration sources; every command (<c>serve</c>, <c>say</c>,
/// <c>voices</c>, <c>models</c>, <c>keys</c>, <c>usage</c>, <c>upstreams</c>) reads its settings through it, so a setting
/// wins in the same order everywhere. Lowest to highest precedence:
/// <list type="number">
/// <item><c>appsettings.json</c> beside the executable (the shipped defaults);</item>
/// <item><c>orator.json</c> in the working directory;</item>
/// <item>the file named by <c>ORATOR_CONFIG</c> (it must exist when the variable is set);</item>
/// <item>environment variables: <c>DOTNET_</c>- then <c>ASPNETCORE_</c>-prefixed ones with the prefix removed
/// (<c>ASPNETCORE_URLS</c> -> <c>urls</c>), as the ASP.NET Core host reads them; then all of them unprefixed
/// (<c>Orator__ModelsPath</c>); then the documented aliases in <see cref="Aliases"/>, which win over the
/// <c>Orator__</c> spelling;</item>
/// <item>the command line (<c>--Orator:Workers=2</c>, <c>--urls</c>, and the options commands translate into keys).</item>
/// </list>
/// The environment beats the files so that one file (a container image's, a ConfigMap) can be
/// overridden per deployment; the command line beats everything because it is the most specific
/// and the most visible. See docs/architecture/configuration.md.
/// </summary>
/// <remarks>Depends on Microsoft.Extensions.Configuration and the BCL only.</remarks>
public static class OratorConfiguration
{
    /// <summary>The variable naming an extra configuration file.</summary>
    public const string ConfigFileVariable = "ORATOR_CONFIG";

    /// <summary>The defaults file beside the executable.</summary>
    public const string AppSettingsFileName = "appsettings.json";

    /// <summary>The file read from the working directory.</summary>
    public const string WorkingDirectoryFileName = "orator.json";

    /// <summary>Alias of <c>Orator:ModelsPath</c>.</summary>
    public const string ModelsPathVariable = "ORATOR_MODELS_PATH";

    /// <summary>Alias of <c>Orator:ModelsMirror</c>.</summary>
    public const string ModelsMirrorVariable = "ORATOR_MODELS_MIRROR";

    /// <summary>Alias of <c>Orator:AdminKey</c>.</summary>
    public const string AdminKeyVariable = "ORATOR_ADMIN_KEY";

    /// <summary>Prefixes the ASP.NET Core host strips from environment variables, lower precedence first.</summary>
    public static IReadOnlyList<string> HostPrefixes { get; } = ["DOTNET_", "ASPNETCORE_"];

    /// <summary>
    /// Environment variables that stand for one key each and win over the <c>Orator__</c> spelling of it
    /// (an empty value counts as unset). <c>ORATOR_API_KEYS</c> is not one: it adds to <c>Orator:ApiKeys</c>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Aliases { get; } =
    [
        new(ModelsPathVariable, "Orator:ModelsPath"),
        new(ModelsMirrorVariable, "Orator:ModelsMirror"),
        new(AdminKeyVariable, "Orator:AdminKey"),
    ];

    /// <summary>Builds the configuration of <paramref name="context"/> (default: this process) and <paramref name="args"/>.</summary>
    /// <exception cref="OratorConfigurationException">A file cannot be read or <c>ORATOR_CONFIG</c> names a missing file.</exception>
    public static IConfigurationRoot Build(IReadOnlyList<string> args, OratorConfigurationContext? context = null)
    {
        var builder = new ConfigurationBuilder().AddOratorSources(args, context);
        return Loading(builder.Build);
    }

    /// <summary>
    /// Adds Orator's sources, in order, to <paramref name="builder"/> (which should have none of its own:
    /// the server clears the host's defaults first).
    /// </summary>
    /// <exception cref="OratorConfigurationException">A file cannot be read (when <paramref name="builder"/> loads as it goes) or <c>ORATOR_CONFIG</c> names a missing file.</exception>
    public static IConfigurationBuilder AddOratorSources(this IConfigurationBuilder builder, IReadOnlyList<string> args, OratorConfigurationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);
        context ??= OratorConfigurationContext.Current();
        // A ConfigurationManager (the server's) loads each source as it is added: a bad file fails here.
        Loading(() => builder.AddJsonFile(Path.Combine(context.BaseDirectory, AppSettingsFileName), optional: true, reloadOnChange: false));
        Loading(() => builder.AddJsonFile(Path.Combine(context.WorkingDirectory, WorkingDirectoryFileName), optional: true, reloadOnChange: false));
        if (ConfigFile(context) is { } configFile)
        {
            Loading(() => builder.AddJsonFile(configFile, optional: false, reloadOnChange: false));
        }

        foreach (var prefix in HostPrefixes)
        {
            builder.Add(new EnvironmentSnapshotSource($"Environment ({prefix})", Prefixed(context.Variables, prefix)));
        }

        builder.Add(new EnvironmentSnapshotSource("Environment", Prefixed(context.Variables, string.Empty)));
        builder.Add(new EnvironmentSnapshotSource("Environment (aliases)",
            [.. Aliases.Where(a => !string.IsNullOrWhiteSpace(context.Variable(a.Key))).Select(a => KeyValuePair.Create(a.Value, context.Variable(a.Key)!))]));
        Loading(() => builder.AddCommandLine([.. args]));
        return builder;
    }

    /// <summary>A command-line argument setting <paramref name="key"/>, for a command option that stands for a key (<c>--workers 2</c> -> <c>--Orator:Workers=2</c>).</summary>
    public static string Argument(string key, string value) => $"--{key}={value}";

    private static string? ConfigFile(OratorConfigurationContext context)
    {
        var named = context.Variable(ConfigFileVariable);
        if (string.IsNullOrWhiteSpace(named))
        {
            return null;
        }

        var path = Path.GetFullPath(named, context.WorkingDirectory);
        return File.Exists(path)
            ? path
            : throw new OratorConfigurationException($"{ConfigFileVariable} names '{named}' ({path}), which does not exist.");
    }

    private static List<KeyValuePair<string, string>> Prefixed(IReadOnlyDictionary<string, string> variables, string prefix) =>
        [.. variables
            .Where(v => v.Key.Length > prefix.Length && v.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => KeyValuePair.Create(v.Key[prefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), v.Value))];

    private static T Loading<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (InvalidDataException ex)
        {
            // "Failed to load configuration from file '...'." with the JSON reader's line and position.
            var cause = ex.GetBaseException();
            throw new OratorConfigurationException(ReferenceEquals(cause, ex) ? ex.Message : $"{ex.Message} {cause.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new OratorConfigurationException($"The command line cannot be read as configuration: {ex.Message}", ex);
        }
    }
}
