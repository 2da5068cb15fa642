using System.Globalization;
using System.Net;
using System.Text;
using Orator.Gateway.Upstreams;
using Orator.Server.Observability;

namespace Orator.Cli.Commands.Upstreams;

/// <summary>
/// Reads a running server's upstream gauges from its <c>GET /metrics</c> (the Prometheus text
/// format). Orator serves <c>/metrics</c> without a key, so none is sent: an address given on the
/// command line is not handed the admin key.
/// </summary>
internal static class ServerUpstreamStates
{
    /// <summary>How long the server has to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The upstreams <paramref name="server"/> reports, by name.</summary>
    /// <exception cref="HttpRequestException">It could not be reached or did not answer 200.</exception>
    /// <exception cref="TaskCanceledException">It did not answer within <see cref="Timeout"/>.</exception>
    public static async Task<IReadOnlyDictionary<string, LiveUpstream>> FetchAsync(Uri server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var http = new HttpClient { Timeout = Timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("orator-upstreams/1.0");
        using var response = await http.GetAsync(MetricsUri(server), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            var why = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? " (Orator serves /metrics without a key: something in front of it asks for one)"
                : response.StatusCode == HttpStatusCode.NotFound ? " (give the server's address without /v1)" : "";
            throw new HttpRequestException($"{MetricsUri(server)} answered HTTP {status}{why}.", null, response.StatusCode);
        }

        return Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The server's metrics address: <c>/metrics</c> under <paramref name="server"/>.</summary>
    public static Uri MetricsUri(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new Uri(server.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/metrics");
    }

    /// <summary>The upstream gauges in <paramref name="metrics"/>; lines it cannot read are skipped.</summary>
    public static Dictionary<string, LiveUpstream> Parse(string metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var upstreams = new Dictionary<string, LiveUpstream>(StringComparer.Ordinal);
        foreach (var raw in metrics.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd <= 0)
            {
                continue;
            }

            var metric = line[..nameEnd];
            var circuit = metric == OratorMetricNames.UpstreamCircuitState;
            if (!circuit && metric != OratorMetricNames.UpstreamInFlight)
            {
                continue;
            }

            var rest = line.AsSpan(nameEnd);
            if (!TryReadLabels(ref rest, out var labels) || !labels.TryGetValue(OratorMetricNames.UpstreamLabel, out var name)
                || !TryReadValue(rest, out var value))
            {
                continue;
            }

            var known = upstreams.GetValueOrDefault(name);
            upstreams[name] = circuit
                ? known with { State = CircuitStates.FromGauge(value) }
                : known with { InFlight = value is >= 0 and <= int.MaxValue ? (int)value : null };
        }

        return upstreams;
    }

    /// <summary>Reads <c>{name="value",...}</c> at the start of <paramref name="text"/> (values with the format's escapes) and moves past it.</summary>
    private static bool TryReadLabels(ref ReadOnlySpan<char> text, out Dictionary<string, string> labels)
    {
        labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.IsEmpty || text[0] != '{')
        {
            return false;
        }

        var i = 1;
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or ',')
            {
                i++;
            }

            if (i >= text.Length)
            {
                return false;
            }

            if (text[i] == '}')
            {
                text = text[(i + 1)..];
                return true;
            }

            var equals = text[i..].IndexOf('=');
            if (equals <= 0 || i + equals + 1 >= text.Length || text[i + equals + 1] != '"')
            {
                return false;
            }

            var key = text.Slice(i, equals).Trim().ToString();
            i += equals + 2;
            var value = new StringBuilder();
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                    value.Append(text[i] == 'n' ? '\n' : text[i]);
                }
                else
                {
                    value.Append(text[i]);
                }

                i++;
            }

            if (i >= text.Length)
            {
                return false;
            }

            labels[key] = value.ToString();
            i++;
        }
    }

    /// <summary>The sample value after the labels (a timestamp may follow it).</summary>
    private static bool TryReadValue(ReadOnlySpan<char> text, out double value)
    {
        text = text.TrimStart(' ');
        var end = text.IndexOf(' ');
        return double.TryParse(end < 0 ? text : text[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
