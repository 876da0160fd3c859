using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using OpenC3.Grains.Abstractions.Diagnostics;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>
/// The cluster's own ports run mutual TLS: members holding a certificate of the cluster's CA work together,
/// anyone else — no certificate, a certificate of another CA, or a client that trusts another CA — is refused.
/// </summary>
public sealed class ClusterTlsTests(MariaDbCluster cluster) : IClassFixture<MariaDbCluster>
{
    /// <summary>A member connects within a second or two; an outsider still is not connected after this.</summary>
    private static readonly TimeSpan RefusalBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Members_WithTheClusterCertificate_ConnectWithinTheBound_AndRunATask()
    {
        using (var giveUp = new CancellationTokenSource(RefusalBound))
        {
            await using var client = await OrleansTestClient.ConnectAsync(cluster.Common, giveUp.Token);
            await client.Grains.GetGrain<IProbeGrain>("tls-member").Get().WaitAsync(RefusalBound);
        }

        using var app = cluster.App();
        Assert.Equal("ready", await app.Http.GetStringAsync("/readyz"));
        var started = await app.PostAsync("/api/job/task/0/plugin_cmd", new
        {
            name = "over-tls",
            user = TestServers.SshUser,
            node_type = "builtin",
            node_cont = TestServers.SshHosts[20],
            scripts_type = "shell",
            scripts_cont = "echo tls-ok",
            timeout = 60,
        });
        var uuid = started.GetProperty("data").GetProperty("uuid").GetString()!;
        var done = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data").GetProperty("status").GetString(),
            s => s is "success" or "fail",
            TimeSpan.FromSeconds(60),
            "the task to finish");
        Assert.Equal("success", done);
    }

    [Fact]
    public async Task ApiHost_WithoutACertificate_CannotJoinTheCluster()
    {
        var settings = cluster.Common.Where(s => !s.Key.StartsWith("Orleans:Tls:", StringComparison.Ordinal)).ToDictionary();
        settings["Orleans:Mode"] = "client";
        settings["Urls"] = $"http://127.0.0.1:{FreePort.Next()}";
        // The API host keeps retrying the gateways, which hang up on it, and never becomes ready.
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ProductProcess.StartApiAsync(settings, cluster.WorkDir, RefusalBound));
        Assert.Contains("Connection attempt to endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrleansClient_WithACertificateOfAnotherCa_IsRefusedByTheGateways()
    {
        var stranger = ClusterAuthority.Create(cluster.WorkDir, "stranger");
        // It trusts the real CA, so only the silos' check of the client certificate can stop it.
        await AssertRefusedAsync(stranger.Member("intruder", trustedCaFile: cluster.Authority.CaFile));
    }

    [Fact]
    public async Task OrleansClient_TrustingAnotherCa_RefusesTheSilos()
    {
        var other = ClusterAuthority.Create(cluster.WorkDir, "other");
        await AssertRefusedAsync(cluster.Authority.Member("misled", trustedCaFile: other.CaFile));
    }

    [Fact]
    public async Task SiloAndGatewayPorts_AdmitOnlyACertificateOfTheClusterCa()
    {
        using var member = Certificate(cluster.Common);
        using var stranger = Certificate(ClusterAuthority.Create(cluster.WorkDir, "outsider").Member("outsider"));
        foreach (var port in cluster.SiloPorts(0))
        {
            Assert.True(await AdmitsAsync(port, member), $"port {port} refused a member (the probe cannot tell refusal apart)");
            Assert.False(await AdmitsAsync(port, certificate: null), $"port {port} admitted a TLS client without a certificate");
            Assert.False(await AdmitsAsync(port, stranger), $"port {port} admitted a certificate of another CA");
        }
    }

    private async Task AssertRefusedAsync(Dictionary<string, string> tls)
    {
        var settings = new Dictionary<string, string>(cluster.Common);
        foreach (var (key, value) in tls)
        {
            settings[key] = value;
        }

        using var giveUp = new CancellationTokenSource(RefusalBound);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await OrleansTestClient.ConnectAsync(settings, giveUp.Token));
    }

    private static X509Certificate2 Certificate(Dictionary<string, string> tls) =>
        X509Certificate2.CreateFromPemFile(tls["Orleans:Tls:CertificateFile"], tls["Orleans:Tls:KeyFile"]);

    /// <summary>
    /// A raw TLS client on a silo port. Admitted: the connection stays open waiting for Orleans' preamble (or
    /// sends data). Refused: the handshake fails or the silo closes the connection.
    /// </summary>
    private static async Task<bool> AdmitsAsync(int port, X509Certificate2? certificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "silo",
                ClientCertificates = certificate is null ? null : [certificate],
            }).WaitAsync(TimeSpan.FromSeconds(15));
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            return await tls.ReadAsync(new byte[1], quiet.Token) > 0;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (Exception error) when (error is IOException or AuthenticationException)
        {
            return false;
        }
    }
}
