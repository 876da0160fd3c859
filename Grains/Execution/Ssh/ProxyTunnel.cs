using Renci.SshNet;

namespace OpenC3.Grains.Execution;

/// <summary>
/// A local forward on a proxy's pooled connection to one target host: a listener on a free loopback port of the
/// silo whose connections become direct-tcpip channels from the proxy to the target. SSH.NET has no ProxyJump and
/// keeps its socket factory internal, so the target's own SSH client dials this port. The proxy's connection is
/// kept open while a tunnel uses it.
/// </summary>
public sealed class ProxyTunnel : IDisposable
{
    private readonly SshClient jump;
    private readonly ForwardedPortLocal forward;
    private readonly SshConnectionPool.PooledConnection proxy;
    private int disposed;

    private ProxyTunnel(SshClient jump, SshConnectionPool.PooledConnection proxy, string host, int port)
    {
        this.jump = jump;
        this.proxy = proxy;
        forward = new ForwardedPortLocal("127.0.0.1", 0, host, (uint)port);
        jump.AddForwardedPort(forward);
        proxy.TunnelOpened();
        try
        {
            forward.Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int LocalPort => (int)forward.BoundPort;

    public static ProxyTunnel Open(SshClient jump, SshConnectionPool.PooledConnection proxy, string host, int port) => new(jump, proxy, host, port);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // The target's client is closed first, so no channel is pending and stopping does not wait.
            jump.RemoveForwardedPort(forward);
            forward.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // The proxy's connection went first and took the forward with it.
        }
        finally
        {
            proxy.TunnelClosed();
        }
    }
}
