using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// Issue 15, host faults: each ends as a clear failure of that host alone, and the product then runs a
/// normal task. Spare loopback addresses (127.0.3.*, outside the farm) stand in for the faulty hosts.
/// </summary>
[StartEarly]
public sealed class HostFaultTests(FleetProduct product) : IClassFixture<FleetProduct>
{
    [Fact]
    public async Task SshdKilledOnSomeHostsMidStep_FailsThoseHosts_WithTheLostConnection()
    {
        await using var first = new TestSshd("127.0.3.10", TestServers.SshPort);
        await using var second = new TestSshd("127.0.3.11", TestServers.SshPort);
        await first.StartAsync("host_ed25519");
        await second.StartAsync("host_ed25519");
        var healthy = TestServers.SshHosts.TakeLast(4).Take(2).ToList();
        using var app = product.App();
        var (task, step, log) = await StartAsync(app, [.. healthy, first.Address, second.Address], "echo up; sleep 12; echo finished");
        await LiveLog.ReadAsync(product.BaseUrl, log, $"{second.Address}: up");
        await LiveLog.ReadAsync(product.BaseUrl, log, $"{first.Address}: up");

        await first.CrashAsync();
        await second.CrashAsync();

        Assert.Equal("fail", (await WaitFinishedAsync(app, 0, task)).Status());
        var hosts = await HostsAsync(app, 0, task, step);
        Assert.All(healthy, h => Assert.Equal("success", hosts[h].Status));
        foreach (var dead in new[] { first.Address, second.Address })
        {
            Assert.Equal("fail", hosts[dead].Status);
            Assert.StartsWith("connection lost", hosts[dead].Reason, StringComparison.Ordinal);
        }

        await AssertStillRunsANormalTaskAsync(app);
    }

    [Fact]
    public async Task AHostThatAcceptsTcpButNeverSpeaksSsh_FailsWithAConnectTimeout()
    {
        var silent = new TcpListener(IPAddress.Parse("127.0.3.20"), TestServers.SshPort);
        silent.Start();
        using var stop = new CancellationTokenSource();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                held.Add(await silent.AcceptTcpClientAsync(stop.Token));
            }
        });
        try
        {
            using var app = product.App();
            var clock = Stopwatch.StartNew();
            var (task, step, _) = await StartAsync(app, ["127.0.3.20"], "echo never");
            Assert.Equal("fail", (await WaitFinishedAsync(app, 0, task)).Status());
            Assert.Equal(("fail", "connect timeout"), (await HostsAsync(app, 0, task, step))["127.0.3.20"]);
            Assert.True(clock.Elapsed >= FleetProduct.ConnectTimeout, $"ended after {clock.Elapsed}, before the connect timeout");
            Assert.NotEmpty(held);
        }
        finally
        {
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting);
            held.ForEach(c => c.Dispose());
            silent.Dispose();
        }

        using var after = product.App();
        await AssertStillRunsANormalTaskAsync(after);
    }

    [Fact]
    public async Task ACommandPrinting100MB_IsCutWithAMarker_AndTheProductsMemoryStaysBounded()
    {
        using var app = product.App();
        var host = TestServers.SshHosts[^1];
        var before = ResidentBytes(product.Process.Pid, "VmRSS");
        // Reset the peak, so VmHWM below is this step's peak alone.
        await File.WriteAllTextAsync($"/proc/{product.Process.Pid}/clear_refs", "5");
        var (task, step, log) = await StartAsync(app, [host], "head -c 100000000 /dev/zero | tr '\\0' x; echo; echo printed");

        Assert.Equal("success", (await WaitFinishedAsync(app, 0, task)).Status());
        var peak = ResidentBytes(product.Process.Pid, "VmHWM");
        var text = await LiveLog.ReadAsync(product.BaseUrl, log, "substatus");
        Assert.Contains("[openc3: output truncated]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("printed", text.Replace("echo printed", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.InRange(text.Length, 1_000_000, 3_000_000);
        Assert.True(peak - before < 150L * 1024 * 1024, $"resident memory rose from {before >> 20} MB to a peak of {peak >> 20} MB");

        await AssertStillRunsANormalTaskAsync(app);
    }

    [Fact]
    public async Task ACommandThatNeverEnds_FailsAtTheStepTimeout_WithTheReason()
    {
        using var app = product.App();
        var host = TestServers.SshHosts[^2];
        var (task, step, _) = await StartAsync(app, [host], "echo started; exec sleep 100000", timeout: 4);

        Assert.Equal("fail", (await WaitFinishedAsync(app, 0, task)).Status());
        Assert.Equal(("fail", "timeout after 4 s"), (await HostsAsync(app, 0, task, step))[host]);

        await AssertStillRunsANormalTaskAsync(app);
    }

    /// <summary>`POST /task/0/plugin_cmd`: an ad-hoc step ends the task `fail` at once when a host fails. Answers the task, its step and the step's log.</summary>
    private static async Task<(string Task, string Step, string Log)> StartAsync(ApiClient app, IReadOnlyList<string> hosts, string script, int timeout = 60)
    {
        var reply = await app.PostAsync("/api/job/task/0/plugin_cmd", new
        {
            name = "fault", user = TestServers.SshUser, node_type = "builtin", node_cont = string.Join(',', hosts), scripts_type = "shell", scripts_cont = script, timeout,
        });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        var task = reply.GetProperty("data").GetProperty("uuid").GetString()!;
        return (task, (await StepsAsync(app, 0, task)).Single().GetProperty("uuid").GetString()!, reply.GetProperty("data").GetProperty("loguuid").GetString()!);
    }

    private async Task AssertStillRunsANormalTaskAsync(ApiClient app)
    {
        Assert.False(product.Process.HasExited);
        var host = TestServers.SshHosts[0];
        var (task, step, log) = await StartAsync(app, [host], "echo healthy");
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, task)).Status());
        Assert.Contains($"{host}: healthy", await LiveLog.ReadAsync(product.BaseUrl, log, "substatus"), StringComparison.Ordinal);
    }

    private static long ResidentBytes(int pid, string field) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
}
