using System.Net;
using System.Net.Sockets;

namespace KongIdentityOperator.TestSupport;

/// <summary>A loopback port that was free a moment ago, for a child process that must be told its port up front.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
