using System.Net.Sockets;
using OpenC3.Grains.Agent;
using Renci.SshNet.Common;

namespace OpenC3.UnitTests;

public sealed class ProxyHealthTests
{
    [Fact]
    public void AProxy_TurnsFail_OnItsTenthFailedCheck_AndBack_OnTheFirstSuccess()
    {
        var row = new ProxyHealth.Row("success", 0, null);
        for (var check = 1; check < ProxyHealth.FailAfter; check++)
        {
            row = ProxyHealth.After(row, "Connection refused");
            Assert.Equal(new ProxyHealth.Row("success", check, "Connection refused"), row);
        }

        row = ProxyHealth.After(row, "Connection timed out");
        Assert.Equal(new ProxyHealth.Row("fail", 10, "Connection timed out"), row);
        Assert.Equal(new ProxyHealth.Row("fail", 11, "Connection refused"), ProxyHealth.After(row, "Connection refused"));
        Assert.Equal(new ProxyHealth.Row("success", 0, null), ProxyHealth.After(row, null));
    }

    [Fact]
    public void Reasons_UseUpstreamsWords()
    {
        Assert.Equal("Connection refused", ProbeReason.Of(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Equal("Service not known", ProbeReason.Of(new SocketException((int)SocketError.HostNotFound)));
        Assert.Equal("No route to host", ProbeReason.Of(new SocketException((int)SocketError.HostUnreachable)));
        Assert.Equal("Connection timed out", ProbeReason.Of(new OperationCanceledException()));
        Assert.Equal("Permission denied", ProbeReason.Of(new SshAuthenticationException("denied")));
        Assert.Equal("unkwon error", ProbeReason.Of(new InvalidOperationException()));
    }
}
