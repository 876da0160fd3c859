using OpenC3.TestSupport;
using Renci.SshNet;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>The loopback host farm the execution tests rely on is really there and accepts the platform key.</summary>
/// <remarks>200 handshakes at once from the test process: a fan-out, so it runs alone like the others.</remarks>
[Collection(ColdFanout.Collection)]
public sealed class HostFarmTests
{
    [Fact]
    public async Task EveryFarmHost_RunsACommand_WithTheTestKey()
    {
        var hosts = TestServers.SshHosts;
        Assert.True(hosts.Count >= 20, $"the farm should serve at least 20 hosts, it has {hosts.Count}");
        using var key = new PrivateKeyFile(TestServers.SshKeyFile);
        var answers = await Task.WhenAll(hosts.Select(async host =>
        {
            using var client = new SshClient(host, TestServers.SshPort, TestServers.SshUser, key);
            await client.ConnectAsync(CancellationToken.None);
            using var command = client.CreateCommand("echo $SSH_CONNECTION");
            await command.ExecuteAsync();
            return (host, command.ExitStatus, command.Result);
        }));

        Assert.All(answers, a =>
        {
            Assert.Equal(0, a.ExitStatus);
            Assert.Contains($" {a.host} ", a.Result, StringComparison.Ordinal);
        });
    }
}
