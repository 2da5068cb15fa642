using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Orator.Cli.Commands;

/// <summary>
/// Warnings and errors as one line each on standard error, for the commands that run the engines
/// without a server. Deliberately not the console logger: its factory, options and dependency
/// injection cost about 60 ms of JIT at start-up (TieredCompilation is off, build/ServerProcess.props),
/// a second and a half percent of a 4,096-character <c>orator say</c>.
/// </summary>
internal sealed class StandardErrorLogger(string category) : ILogger
{
    /// <summary>The least severe level written.</summary>
    public const LogLevel MinimumLevel = LogLevel.Warning;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var level = logLevel switch
        {
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss} {level}: {category}[{eventId.Id}] {formatter(state, exception)}");
        // Console.Error is synchronized: the engine pool logs from its own threads.
        Console.Error.WriteLine(exception is null ? line : line + Environment.NewLine + exception);
    }
}
