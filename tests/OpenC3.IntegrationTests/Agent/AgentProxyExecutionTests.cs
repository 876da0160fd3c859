using OpenC3.Grains.Agent;
using OpenC3.IntegrationTests.Execution;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Agent;

/// <summary>
/// Steps, copies and the file manager reach a host the silo has no route to, through the proxy of the region a subnet
/// of the host's node names (<see cref="ProxyNetwork"/>); the nearest node's subnet chooses the path; a region whose
/// proxies do not answer fails the host with each proxy's reason; the check loop probes such a host through the proxy too.
/// </summary>
/// <remarks>Each profile's farm proxy listens on an address of its own, as the two classes may run at once.</remarks>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public abstract class AgentProxyExecutionTests(EmbeddedProduct product, ProxyNetwork network, string farmProxy) : IDisposable
{
    private const string A = "/api/agent";
    private const string C = "/api/connector";

    /// <summary>Nothing listens here: a proxy that refuses at once.</summary>
    private const string DeadProxy = "127.0.3.60";

    private readonly DirectoryInfo shared = SharedDirectory();

    private string TargetHost => network.Target.Address;

    private string ProxyHost => network.Proxy.Address;

    [Fact]
    public async Task ThroughTheProxy_ACommandACopyAndTheFileManager_ReachAHostTheSiloHasNoRouteTo()
    {
        using var app = product.App();
        var node = await NodeWithHostsAsync(app, null, TargetHost, ProxyHost, network.ProxyInnerAddress);
        var (status, reason) = await RunCommandAsync(app, node, TargetHost, $"echo direct > {Shared("direct")}");
        Assert.Equal("fail", status);
        Assert.StartsWith("connect ", reason, StringComparison.Ordinal);
        Assert.False(File.Exists(Shared("direct")));

        await RegionAsync(app, node, "behind-proxy", $"{network.ProxyInnerAddress}/24", ProxyHost);
        Assert.Equal(("success", null), await RunCommandAsync(app, node, TargetHost, $"echo $SSH_CONNECTION > {Shared("cmd")}"));
        var seen = (await File.ReadAllTextAsync(Shared("cmd"))).Split(' ');
        Assert.Equal((network.ProxyInnerAddress, TargetHost), (seen[0], seen[2]));

        var source = Shared("payload");
        await File.WriteAllTextAsync(source, "through the proxy");
        var copied = Directory.CreateDirectory(Shared("copied"));
        copied.UnixFileMode = (UnixFileMode)0x1FF;
        var started = await StartScpAsync(app, node, Scp("via-proxy", "builtin", TargetHost, source, [TargetHost], copied.FullName + "/"));
        Assert.Equal("success", (await WaitFinishedAsync(app, node, started.GetProperty("uuid").GetString()!)).Status());
        Assert.Equal("through the proxy", await File.ReadAllTextAsync(Path.Combine(copied.FullName, "payload")));

        var listing = await app.GetAsync($"{J}/sendfile/list/{node}?sudo={TestServers.SshUser}&path={Uri.EscapeDataString(TargetHost + copied.FullName)}");
        Assert.Contains(listing.Rows(), r => r.Text("type") == "file" && r.GetProperty("path").GetString() == "payload");

        // The proxy answers but nothing listens on this address behind it: the target's own reason, naming the path.
        (status, reason) = await RunCommandAsync(app, node, network.ProxyInnerAddress, "true");
        Assert.Equal("fail", status);
        Assert.Equal($"connect fail: proxy {ProxyHost} of region behind-proxy could not reach {network.ProxyInnerAddress}:{TestServers.SshPort}", reason);

        // The check loop probes the node's hosts as a task reaches them: the target through the proxy, with the same reasons.
        Ok(await app.PostAsync($"{A}/check/{node}", new { status = "on" }));
        var probed = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"{A}/nodeinfo/{node}")).Data().EnumerateArray().ToDictionary(
                m => m.GetProperty("name").GetString()!, m => m.GetProperty(m.GetProperty("inip").GetString() is { Length: > 0 } ? "inips" : "exips")),
            rows => rows[TargetHost].TryGetProperty("status", out _) && rows[network.ProxyInnerAddress].TryGetProperty("status", out _),
            TimeSpan.FromSeconds(60),
            "the node's hosts probed");
        Ok(await app.PostAsync($"{A}/check/{node}", new { status = "off" }));
        Assert.Equal(("success", "ok"), (probed[TargetHost].GetProperty("status").GetString(), probed[TargetHost].GetProperty("reason").GetString()));
        Assert.StartsWith("OpenSSH_", probed[TargetHost].GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.Equal(("fail", $"connect fail: proxy {ProxyHost} of region behind-proxy could not reach {network.ProxyInnerAddress}:{TestServers.SshPort}"), (probed[network.ProxyInnerAddress].GetProperty("status").GetString(), probed[network.ProxyInnerAddress].GetProperty("reason").GetString()));
    }

    /// <summary>The web terminal leases its shell like a step: a host its node routes through a proxy gets a shell through it.</summary>
    [Fact]
    public async Task ATerminal_ReachesAHostBehindTheProxy_ThroughIt()
    {
        using var app = product.App();
        var node = await NodeWithHostsAsync(app, null, TargetHost, ProxyHost);
        await RegionAsync(app, node, "terminal-proxy", $"{TargetHost}/32", ProxyHost);
        using var terminal = await TerminalSocket.ConnectAsync(
            product.BaseUrl, $"{J}/cmd/{node}/ws?node={TargetHost}&bash=1", ("appname", EmbeddedProduct.AppName), ("appkey", EmbeddedProduct.AppKey));
        await terminal.SendAsync("iecho \"from=${SSH_CONNECTION%% *}\"\r");
        await terminal.WaitForAsync($"from={network.ProxyInnerAddress}");
        await terminal.CloseAsync();
    }

    [Fact]
    public async Task TheRegionsProxiesAreTriedInTurn_AndWhenNoneAnswers_TheHostSaysWhyForEach()
    {
        using var app = product.App();
        var node = await NodeWithHostsAsync(app, null, TargetHost, DeadProxy, ProxyHost);
        var region = await RegionAsync(app, node, "dead-first", $"{TargetHost}/32", DeadProxy);
        var (status, reason) = await RunCommandAsync(app, node, TargetHost, "true");
        Assert.Equal(("fail", $"no proxy of region dead-first answered: {DeadProxy} connect fail: Connection refused"), (status, reason));

        Ok(await app.PostAsync($"{A}/proxy/{node}/{region}", new { ip = ProxyHost }));
        await Task.Delay(ProxyRoutes.Freshness);
        Assert.Equal(("success", null), await RunCommandAsync(app, node, TargetHost, $"touch {Shared("second-proxy")}"));
        Assert.True(File.Exists(Shared("second-proxy")));
    }

    /// <summary>
    /// The parent binds the host's single address to a region of a dead proxy; the child binds a wide subnet to a dead
    /// proxy and a narrower one to the live proxy. On the child its own narrower subnet wins (nearest node, then longest
    /// prefix); on the parent its own binding decides.
    /// </summary>
    [Fact]
    public async Task TheNearestNodesSubnetWins_ThenTheLongestPrefix()
    {
        using var app = product.App();
        var parent = await NodeWithHostsAsync(app, null, TargetHost, DeadProxy);
        var child = await NodeWithHostsAsync(app, parent, TargetHost, ProxyHost, DeadProxy);
        await RegionAsync(app, parent, "parent-exact", $"{TargetHost}/32", DeadProxy);
        await RegionAsync(app, child, "child-wide", "10.0.0.0/8", DeadProxy);
        await RegionAsync(app, child, "child-narrow", $"{TargetHost}/24", ProxyHost);

        Assert.Equal(("success", null), await RunCommandAsync(app, child, TargetHost, $"touch {Shared("child")}"));
        Assert.True(File.Exists(Shared("child")));
        var (status, reason) = await RunCommandAsync(app, parent, TargetHost, "true");
        Assert.Equal(("fail", $"no proxy of region parent-exact answered: {DeadProxy} connect fail: Connection refused"), (status, reason));
    }

    /// <summary>
    /// More hosts than a connection has channels, through one proxy: the tunnels are not sessions and do not queue on
    /// its budget. Once the proxy is gone the same hosts fail, so they did go through it.
    /// </summary>
    [Fact]
    public async Task MoreHostsThanAConnectionHasChannels_GoThroughOneProxy()
    {
        using var app = product.App();
        await using var proxy = new TestSshd(farmProxy, TestServers.SshPort);
        await proxy.StartAsync("farm_proxy_ed25519");
        var hosts = TestServers.SshHosts.Skip(TestServers.SshHosts.Count - 20).Take(12).ToList();
        var node = await NodeWithHostsAsync(app, null, [farmProxy, .. hosts]);
        await RegionAsync(app, node, "farm", "/^127.0.0./", farmProxy);
        var wide = await StartAsync(app, node, hosts, "true");
        await WaitFinishedAsync(app, node, wide);
        var step = (await StepsAsync(app, node, wide)).Single().GetProperty("uuid").GetString()!;
        Assert.Equal(hosts.Select(h => (h, ("success", (string?)null))), (await HostsAsync(app, node, wide, step)).Select(h => (h.Key, h.Value)).OrderBy(h => Array.IndexOf([.. hosts], h.Key)));

        // The first run after the crash may still lease the pooled connection whose tunnel just died (`connection lost`),
        // as with a host that dies; the next one connects anew and finds no proxy.
        await proxy.CrashAsync();
        Assert.Equal("fail", (await RunCommandAsync(app, node, hosts[0], "true")).Status);
        var (status, reason) = await RunCommandAsync(app, node, hosts[0], "true");
        Assert.Equal(("fail", $"no proxy of region farm answered: {farmProxy} connect fail: Connection refused"), (status, reason));
    }

    public void Dispose() => shared.Delete(recursive: true);

    /// <summary>A region of the node bound to it, with one subnet and one proxy; its id.</summary>
    private static async Task<long> RegionAsync(ApiClient app, long node, string name, string subnet, string proxy)
    {
        Assert.True((await app.PostAsync($"{A}/region/{node}", new { name })).Stat());
        var region = (await app.GetAsync($"{A}/region/{node}")).Rows().Single(r => r.Text("name") == name).GetProperty("id").GetInt64();
        Ok(await app.PostAsync($"{A}/project_region_relation/{node}", new { regionid = region }));
        Ok(await app.PostAsync($"{A}/agent/{node}/{region}/subnet", new { subnet }));
        Ok(await app.PostAsync($"{A}/proxy/{node}/{region}", new { ip = proxy }));
        return region;
    }

    /// <summary>A new tree node (a root, or a child of <paramref name="parent"/>) with the hosts placed on it by the admin app.</summary>
    private static async Task<long> NodeWithHostsAsync(ApiClient app, long? parent, params string[] hosts)
    {
        var name = $"p{Guid.NewGuid():N}"[..12];
        var node = (await app.PostAsync(parent is { } id ? $"{C}/default/tree/{id}" : $"{C}/default/tree", new { name })).Data().GetInt64();
        foreach (var host in hosts)
        {
            Assert.True((await app.PostAsync($"{C}/default/node/{node}", new { name = host })).Stat());
        }

        return node;
    }

    /// <summary>Starts a command on the hosts of the node; the task's uuid.</summary>
    private static async Task<string> StartAsync(ApiClient app, long node, IReadOnlyList<string> hosts, string script)
    {
        var reply = await app.PostAsync($"{J}/task/{node}/plugin_cmd", new
        {
            name = "via-proxy", user = TestServers.SshUser, node_type = "builtin", node_cont = string.Join(',', hosts), scripts_type = "shell", scripts_cont = script, timeout = 60,
        });
        return reply.Data().GetProperty("uuid").GetString()!;
    }

    /// <summary>Runs a one-host command on the node; the host's status and reason.</summary>
    private static async Task<(string Status, string? Reason)> RunCommandAsync(ApiClient app, long node, string host, string script)
    {
        var uuid = await StartAsync(app, node, [host], script);
        await WaitFinishedAsync(app, node, uuid);
        var step = (await StepsAsync(app, node, uuid)).Single().GetProperty("uuid").GetString()!;
        return (await HostsAsync(app, node, uuid, step))[host];
    }

    private static void Ok(System.Text.Json.JsonElement reply) => Assert.True(reply.Stat(), reply.ToString());

    private string Shared(string name) => Path.Combine(shared.FullName, name);

    /// <summary>A temp folder the farm's login may write; the target's namespace shares the file system, so its writes land here.</summary>
    private static DirectoryInfo SharedDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("openc3-proxy-");
        directory.UnixFileMode = (UnixFileMode)0x1FF;
        return directory;
    }
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SqliteAgentProxyExecutionTests(ExecutionProduct product, ProxyNetwork network)
    : AgentProxyExecutionTests(product, network, "127.0.3.61"), IClassFixture<ExecutionProduct>, IClassFixture<ProxyNetwork>;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MariaDbAgentProxyExecutionTests(MariaDbExecutionProduct product, ProxyNetwork network)
    : AgentProxyExecutionTests(product, network, "127.0.3.62"), IClassFixture<MariaDbExecutionProduct>, IClassFixture<ProxyNetwork>;
