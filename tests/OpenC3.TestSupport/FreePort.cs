using System.Net;
using System.Net.Sockets;

namespace OpenC3.TestSupport;

public static class FreePort
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback port nobody listens on, never handed out twice in this process, and below Linux's
    /// ephemeral range (32768+) so outgoing connections (SSH fan-out, database) cannot take it before
    /// the product binds it, and above the 10000-19999 that bench/farm.sh's free_port picks from (the
    /// benches, test.sh's MariaDB and sshd), so those never race a test for one. Tests run in parallel, so never a fixed one.
    /// </summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = Random.Shared.Next(20000, 32000);
                if (HandedOut.Contains(port) || !CanBind(port))
                {
                    continue;
                }

                HandedOut.Add(port);
                return port;
            }
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
