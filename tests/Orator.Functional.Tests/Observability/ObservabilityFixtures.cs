using System.Text;
using Orator.Functional.Tests.Infrastructure;

namespace Orator.Functional.Tests.Observability;

/// <summary>A private server whose metrics only these tests move.</summary>
public sealed class MetricsServerFixture : ServerFixture
{
    protected override IEnumerable<string> Arguments => ["--Orator:Workers=2"];
}

/// <summary>One worker and room for two queued requests: easy to overload on purpose.</summary>
public sealed class SmallQueueServerFixture : ServerFixture
{
    public const int MaxQueued = 2;

    protected override IEnumerable<string> Arguments => ["--Orator:Workers=1", $"--Orator:MaxQueuedRequests={MaxQueued}", "--Orator:QueueTimeoutSeconds=60"];
}

/// <summary>
/// A server logging to a captured console at Debug level. The console logger writes to the
/// <see cref="Console.Out"/> it finds when it is created, so the capture is installed before the
/// server starts and removed when it stops (test classes run one at a time in this assembly).
/// </summary>
public abstract class CapturedConsoleServerFixture : ServerFixture, IAsyncLifetime
{
    private readonly StringWriter _capture = new();
    private readonly TextWriter _writer;
    private TextWriter? _original;

    protected CapturedConsoleServerFixture() => _writer = TextWriter.Synchronized(_capture);

    /// <summary>Everything written to the console so far.</summary>
    public string Output
    {
        get
        {
            // The synchronized writer locks on itself for every write.
            lock (_writer)
            {
                return _capture.ToString();
            }
        }
    }

    /// <summary>Waits until a console line contains both strings, and returns the lines with <paramref name="requestId"/>.</summary>
    public async Task<IReadOnlyList<string>> LinesOfAsync(string requestId, string mustAppear)
    {
        List<string> lines = [];
        for (var i = 0; i < 50 && !lines.Any(l => l.Contains(mustAppear, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
            lines = [.. Output.Split('\n').Where(l => l.Contains(requestId, StringComparison.Ordinal))];
        }

        return lines;
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        _original = Console.Out;
        Console.SetOut(_writer);
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await DisposeAsync();
        }
        finally
        {
            Console.SetOut(_original ?? Console.Out);
        }
    }
}

/// <summary>JSON console logs at Debug, input text not logged (the default).</summary>
public sealed class JsonLoggingServerFixture : CapturedConsoleServerFixture
{
    protected override IEnumerable<string> Arguments =>
        ["--Orator:Workers=1", "--Orator:Logging:Json=true", "--Logging:LogLevel:Default=Debug"];
}

/// <summary>Plain console logs at Debug with the input text logged on purpose.</summary>
public sealed class PlainTextLoggingServerFixture : CapturedConsoleServerFixture
{
    protected override IEnumerable<string> Arguments =>
        ["--Orator:Workers=1", "--Orator:Logging:IncludeText=true", "--Logging:LogLevel:Default=Debug"];
}

/// <summary>A server with every engine disabled: alive, but unable to speak.</summary>
public sealed class NoEngineServerFixture : ServerFixture
{
    protected override IEnumerable<string> Arguments => ["--Orator:Workers=1", "--Orator:DisabledEngines:0=flite", "--Orator:DisabledEngines:1=espeak"];
}
