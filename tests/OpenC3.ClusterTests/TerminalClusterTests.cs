using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>The web terminal with the API host in client mode: the shell lives on a silo, the command log in MariaDB.</summary>
public sealed class TerminalClusterTests(MariaDbCluster cluster) : IClassFixture<MariaDbCluster>
{
    [Fact]
    public async Task AClientModeApi_RelaysTheTerminal_ToAShellOnASilo_AndLogsTheLineInMariaDb()
    {
        var host = TestServers.SshHosts[21];
        var marker = $"cluster-{Guid.NewGuid():N}"[..20];
        using (var terminal = await TerminalSocket.ConnectAsync(
            cluster.BaseUrl, $"/api/job/cmd/0/ws?node={host}&bash=1", ("appname", MariaDbCluster.AppName), ("appkey", MariaDbCluster.AppKey)))
        {
            await terminal.SendAsync($"iecho {marker}-$((6*7))\r");
            await terminal.WaitForAsync($"{marker}-42");
            await terminal.CloseAsync();
        }

        using var app = cluster.App();
        var reply = await app.GetAsync($"/api/job/cmd/0/log?cmd={marker}&node={host}");
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        var row = Assert.Single(reply.GetProperty("data").EnumerateArray());
        Assert.Equal($"echo {marker}-$((6*7))", row.GetProperty("cmd").GetString());
        Assert.Equal($"{MariaDbCluster.AppName}@app", row.GetProperty("user").GetString());
    }
}
