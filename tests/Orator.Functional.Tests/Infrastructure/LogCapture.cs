using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orator.Functional.Tests.Infrastructure;

/// <summary>Every log entry of a server, as text (message and exception), for asserting what was said and what was never said.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    /// <summary>The entries so far, in order.</summary>
    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>All of it as one text.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => $"{e.Level} {e.Category}[{e.EventId}] {e.Message} {e.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(logLevel, category, eventId.Id, formatter(state, exception), exception?.ToString()));
    }
}

/// <summary>One captured log entry.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, int EventId, string Message, string? Exception);
