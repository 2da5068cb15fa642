using Microsoft.Extensions.Configuration;
using Orator.Storage;

namespace Orator.Server.Hosting;

/// <summary>
/// Configuration for commands that do not start the server (<c>orator keys</c>, <c>orator usage</c>),
/// read from the same sources as <see cref="OratorServer.StartAsync"/> in the same order:
/// <c>appsettings.json</c> beside the executable, environment variables (<c>Orator__Storage__Provider</c>),
/// <c>orator.json</c> in the working directory, the file named by <c>ORATOR_CONFIG</c>, then the command line.
/// </summary>
public static class OratorConfiguration
{
    /// <summary>Builds the configuration.</summary>
    public static IConfigurationRoot Load(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. args])
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "orator.json"), optional: true);
        var configFile = Environment.GetEnvironmentVariable("ORATOR_CONFIG");
        if (!string.IsNullOrEmpty(configFile))
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        builder.AddCommandLine([.. args]);
        return builder.Build();
    }

    /// <summary>The storage settings (<c>Orator:Storage</c>) of a configuration.</summary>
    public static StorageOptions Storage(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.SectionName).Bind(options);
        return options;
    }
}
