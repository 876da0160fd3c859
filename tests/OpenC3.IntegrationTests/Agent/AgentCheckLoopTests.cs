using System.Text.Json;
using OpenC3.IntegrationTests.Execution;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Agent;

/// <summary>
/// The check loop probes a node's proxies over real SSH: version and reason recorded, `fail` after ten failed checks, back
/// on the first success; then the node's hosts, seen in the agent's `nodeinfo` and the monitor counts.
/// </summary>
/// <remarks>Each profile's proxy and dead host have addresses of their own, as the two classes may run at once.</remarks>
public abstract class AgentCheckLoopTests(EmbeddedProduct product, string proxyAddress, string deadAddress)
{
    private const string A = "/api/agent";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ADeadProxy_TurnsFailAfterTenChecks_AndBackOnTheFirstSuccess_WhileALiveOneStaysSuccess()
    {
        await using var proxy = new TestSshd(proxyAddress, TestServers.SshPort);
        await proxy.StartAsync("host_ed25519");
        var live = TestServers.SshHosts[^7];
        using var app = product.App();
        var tree = NewTree();
        foreach (var host in new[] { proxy.Address, live })
        {
            (await app.PostAsync($"/api/connector/default/node/{tree}", new { name = host })).Data();
        }

        (await app.PostAsync($"{A}/region/{tree}", new { name = "dc" })).Data();
        var region = (await app.GetAsync($"{A}/region/{tree}")).Data()[0].GetProperty("id").GetInt64();
        Ok(await app.PostAsync($"{A}/proxy/{tree}/{region}", new { ip = $"{proxy.Address},{live}" }));
        Ok(await app.PostAsync($"{A}/check/{tree}", new { status = "on" }));

        var up = await WaitProxiesAsync(app, tree, region, rows => rows.Values.All(r => r.Version.StartsWith("SSH-2.0-", StringComparison.Ordinal)), "both proxies probed");
        Assert.All(up.Values, r => Assert.Equal(("success", 0, null), (r.Status, r.Fail, r.Reason)));
        var check = (await app.GetAsync($"{A}/check/{tree}")).Data();
        Assert.Equal((0, JsonValueKind.String), (check.GetProperty("last_check_x").GetInt32(), check.GetProperty("slave").ValueKind));

        await proxy.CrashAsync();
        var seen = new List<SeenRow>();
        var down = await WaitProxiesAsync(app, tree, region, rows => Record(seen, rows[proxy.Address]).Status == "fail", "the dead proxy to turn fail");
        Assert.Equal(("fail", "Connection refused"), (down[proxy.Address].Status, down[proxy.Address].Reason));
        Assert.InRange(down[proxy.Address].Fail, 10, 12);
        Assert.All(seen.Where(r => r.Fail is > 0 and < 10), r => Assert.Equal("success", r.Status));
        Assert.DoesNotContain(seen, r => r.Status == "success" && r.Fail >= 10);
        Assert.Contains(seen, r => r.Fail is > 0 and < 10);
        Assert.Equal(("success", 0), (down[live].Status, down[live].Fail));

        await proxy.StartAsync("host_ed25519");
        var back = await WaitProxiesAsync(app, tree, region, rows => rows[proxy.Address].Status == "success", "the proxy back to success");
        Assert.Equal((0, null), (back[proxy.Address].Fail, back[proxy.Address].Reason));

        Ok(await app.PostAsync($"{A}/check/{tree}", new { status = "off" }));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var stopped = (await app.GetAsync($"{A}/check/{tree}")).Data().GetProperty("last_check").GetString();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(stopped, (await app.GetAsync($"{A}/check/{tree}")).Data().GetProperty("last_check").GetString());
    }

    [Fact]
    public async Task TheHostsOfACheckedNode_AreProbed_ALiveOneSuccessWithItsSshVersion_ADeadOneFailCountingUp()
    {
        var live = TestServers.SshHosts[^7];
        using var app = product.App();
        using var anonymous = product.Anonymous();
        var tree = NewTree();
        foreach (var host in new[] { live, deadAddress })
        {
            (await app.PostAsync($"/api/connector/default/node/{tree}", new { name = host })).Data();
        }

        Ok(await app.PostAsync($"{A}/check/{tree}", new { status = "on" }));
        var first = await WaitHostsAsync(app, tree, rows => rows[live].Status == "success" && rows[deadAddress].Fail >= 2, "both hosts probed, the dead one twice");
        Assert.Equal(("success", 0, "ok"), (first[live].Status, first[live].Fail, first[live].Reason));
        Assert.Matches(@"^OpenSSH_\S+$", first[live].Version);
        Assert.Equal(("fail", "Connection refused", "0"), (first[deadAddress].Status, first[deadAddress].Reason, first[deadAddress].Version));
        var later = await WaitHostsAsync(app, tree, rows => rows[deadAddress].Fail > first[deadAddress].Fail, "the dead host's failures to count up");
        Assert.Equal(("success", 0), (later[live].Status, later[live].Fail));

        var metrics = (await anonymous.GetAsync($"{A}/monitor/metrics/app")).Data();
        Assert.True(metrics.GetProperty("agent_fail").GetInt64() >= 1 && metrics.GetProperty("agent_success").GetInt64() >= 1, metrics.ToString());
        Assert.Equal(metrics.GetProperty("agent_fail").GetInt64() + metrics.GetProperty("agent_success").GetInt64(), metrics.GetProperty("agent_total").GetInt64());
        var check = (await app.GetAsync($"{A}/check/{tree}")).Data();
        Assert.Equal((0, 0), (check.GetProperty("last_check_x").GetInt32(), check.GetProperty("last_success_x").GetInt32()));
        Ok(await app.PostAsync($"{A}/check/{tree}", new { status = "off" }));
    }

    private static SeenRow Record(List<SeenRow> seen, SeenRow row)
    {
        seen.Add(row);
        return row;
    }

    private static Task<Dictionary<string, SeenRow>> WaitProxiesAsync(ApiClient app, long tree, long region, Func<Dictionary<string, SeenRow>, bool> condition, string what) =>
        Eventually.WaitAsync(
            async () => (await app.GetAsync($"{A}/proxy/{tree}/{region}")).Data().EnumerateArray().ToDictionary(
                p => p.GetProperty("ip").GetString()!,
                p => new SeenRow(p.GetProperty("status").GetString()!, p.GetProperty("fail").GetInt32(), p.GetProperty("reason").GetString(), p.GetProperty("version").GetString()!)),
            condition,
            Patience,
            what);

    /// <summary>The monitor row of each placed host, from whichever of its addresses holds it.</summary>
    private static Task<Dictionary<string, SeenRow>> WaitHostsAsync(ApiClient app, long tree, Func<Dictionary<string, SeenRow>, bool> condition, string what) =>
        Eventually.WaitAsync(
            async () => (await app.GetAsync($"{A}/nodeinfo/{tree}")).Data().EnumerateArray().ToDictionary(
                m => m.GetProperty("name").GetString()!,
                m => m.GetProperty(m.GetProperty("inip").GetString() is { Length: > 0 } ? "inips" : "exips") is { } seen && seen.TryGetProperty("status", out var status)
                    ? new SeenRow(status.GetString()!, seen.GetProperty("fail").GetInt32(), seen.GetProperty("reason").GetString(), seen.GetProperty("version").GetString()!)
                    : new SeenRow("unprobed", 0, null, string.Empty)),
            condition,
            Patience,
            what);

    private sealed record SeenRow(string Status, int Fail, string? Reason, string Version);
}

public sealed class SqliteAgentCheckLoopTests(CheckLoopProduct product) : AgentCheckLoopTests(product, "127.0.3.40", "127.0.3.42"), IClassFixture<CheckLoopProduct>;

public sealed class MariaDbAgentCheckLoopTests(MariaDbCheckLoopProduct product) : AgentCheckLoopTests(product, "127.0.3.41", "127.0.3.43"), IClassFixture<MariaDbCheckLoopProduct>;
