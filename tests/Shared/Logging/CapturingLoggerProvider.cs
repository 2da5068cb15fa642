using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orator.Testing.Logging;

/// <summary>Keeps every log entry (level, category, event id, message, structured values, exception, scopes) for inspection.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder();
            // "Error Orator.Upstreams[6003] message values... scopes... exception": level and event id first, so tests can ask how loud it was.
            text.Append(logLevel).Append(' ').Append(category).Append('[').Append(eventId.Id).Append("] ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (k, v) in values)
                {
                    text.Append(' ').Append(k).Append('=').Append(v);
                }
            }

            owner._scopes.ForEachScope((scope, sb) => sb.Append(" scope=").Append(scope), text);
            if (exception is not null)
            {
                text.Append(' ').Append(exception);
            }

            owner.Entries.Enqueue(text.ToString());
        }
    }
}
