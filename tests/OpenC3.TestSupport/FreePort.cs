using System.Net;
using System.Net.Sockets;

namespace OpenC3.TestSupport;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now; tests run in parallel, so never a fixed one.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
