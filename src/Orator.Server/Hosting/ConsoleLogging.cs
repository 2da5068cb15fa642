using Microsoft.Extensions.Logging;

namespace Orator.Server.Hosting;

/// <summary>
/// Chooses the console log format from <c>Orator:Logging:Json</c>: one plain line per entry, or one
/// JSON object per line for log collectors. Both include scopes, so the request id is on every line.
/// </summary>
internal static class ConsoleLogging
{
    public static void Configure(ILoggingBuilder logging, LoggingOptions options)
    {
        if (options.Json)
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
    }
}
