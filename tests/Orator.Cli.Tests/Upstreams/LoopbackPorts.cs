using System.Net;
using System.Net.Sockets;

namespace Orator.Cli.Tests.Upstreams;

/// <summary>Loopback addresses for tests.</summary>
public static class LoopbackPorts
{
    /// <summary>A loopback port nothing listens on: bound, then released (connections to it are refused).</summary>
    public static int Refused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
