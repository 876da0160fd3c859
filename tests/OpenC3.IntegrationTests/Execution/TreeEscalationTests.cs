using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// Issue 11, item 1, as the attack: users try to widen their own reach through the service tree (adding a host
/// to a node they can write, or leaning on the global node's list) and run a command or copy there. Nothing runs:
/// the file the command would create on the host stays absent. The admin's control run shows the same command
/// does create it once an admin placed the host on the node.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(SharedProducts.SqliteExecution)]
public sealed class TreeEscalationTests(ExecutionProduct product) : IDisposable
{
    private const string C = "/api/connector";
    private const long PrivateRoot = 4_000_000_000;

    private readonly DirectoryInfo evidence = SharedDirectory();

    [Fact]
    public async Task UserWithoutGrant_CannotAddHostsToThePrivateRootOrItsOwnPrivateNode_NorRunThere()
    {
        var host = TestServers.SshHosts[33];
        var (user, browser) = await NamedUserAsync(product, null, 0);
        using var attacker = browser;
        var ownNode = await PrivateNodeAsync(attacker, user);

        foreach (var node in new[] { PrivateRoot, ownNode })
        {
            AssertUnauthorized(await attacker.PostAsync($"{C}/default/node/{node}", new { name = host }));
            Assert.DoesNotContain(host, (await attacker.GetAsync($"{C}/default/node/{node}")).ToString(), StringComparison.Ordinal);

            var command = await RunCommandAsync(attacker, node, host, $"cmd-{node}");
            Assert.Equal("fail", command.Status());
            var copy = await RunCopyAsync(attacker, node, host, $"scp-{node}");
            Assert.Equal("fail", copy.Status());
        }

        AssertNothingRan();
    }

    [Fact]
    public async Task HostsOfTheGlobalNode_AreNotReachableFromAPrivateNode()
    {
        var host = TestServers.SshHosts[34];
        using var admin = await product.AdminAsync();
        Assert.True((await admin.PostAsync($"{J}/nodelist/0", new { name = host })).Stat());
        try
        {
            var (user, browser) = await NamedUserAsync(product, null, 0);
            using var attacker = browser;
            var ownNode = await PrivateNodeAsync(attacker, user);
            Assert.Equal("fail", (await RunCommandAsync(attacker, ownNode, host, "global-host")).Status());
            AssertNothingRan();
        }
        finally
        {
            var row = (await admin.GetAsync($"{J}/nodelist/0?name={host}")).Rows().Single(r => r.Text("name") == host);
            Assert.True((await admin.DeleteAsync($"{J}/nodelist/0/{row.GetProperty("id").GetInt64()}", new { })).Data().GetBoolean());
        }
    }

    [Fact]
    public async Task UserWithConnectorWriteOnANode_CannotChangeItsResources_NorRunOnHostsNotPlacedThere()
    {
        var placed = TestServers.SshHosts[38];
        var foreign = TestServers.SshHosts[39];
        var node = await NewNodeAsync(product);
        using var operatorUser = await UserAsync(product, node, 2);
        using var admin = await product.AdminAsync();
        Assert.True((await admin.PostAsync($"{C}/default/node/{node}", new { name = placed })).Data().GetBoolean());

        AssertUnauthorized(await operatorUser.PostAsync($"{C}/default/node/{node}", new { name = foreign }));
        var row = (await operatorUser.GetAsync($"{C}/default/node/{node}")).Rows().Single();
        AssertUnauthorized(await operatorUser.DeleteAsync($"{C}/default/node/{node}/{row.GetProperty("id").GetInt64()}", new { }));

        Assert.Equal("fail", (await RunCommandAsync(operatorUser, node, foreign, "level2-cmd")).Status());
        Assert.Equal("fail", (await RunCopyAsync(operatorUser, node, foreign, "level2-scp")).Status());
        var byVariableStep = Cmd("touch", ["$targets"], $"touch {Evidence("level2-variable")}");
        byVariableStep["node_type"] = "variable";
        await CreateJobAsync(operatorUser, node, "reach-by-variable", byVariableStep);
        var byVariable = await StartByNameAsync(operatorUser, node, "reach-by-variable", variable: new { targets = foreign });
        // A job's failed step waits for a decision (no `_exit_`); either way the host was refused before it ran.
        await WaitTaskAsync(operatorUser, node, byVariable, s => s is "waiting" or "fail", "to stop at the refused step");

        Assert.True((await operatorUser.PostAsync($"{J}/nodegroup/{node}", new { name = "reach-group", plugin = "node", @params = foreign })).Data().GetBoolean());
        var group = (await operatorUser.GetAsync($"{J}/nodegroup/{node}")).Rows().Single(g => g.Text("name") == "reach-group").GetProperty("id").GetInt64();
        var byGroupStep = Cmd("touch", [group.ToString(System.Globalization.CultureInfo.InvariantCulture)], $"touch {Evidence("level2-group")}");
        byGroupStep["node_type"] = "group";
        await CreateJobAsync(operatorUser, node, "reach-by-group", byGroupStep);
        var byGroup = await StartByNameAsync(operatorUser, node, "reach-by-group");
        await WaitTaskAsync(operatorUser, node, byGroup, s => s is "waiting" or "fail", "to stop at the refused step");
        AssertNothingRan();

        // Control: the host an admin placed on the node is reached, so the runs above would have left their files.
        Assert.Equal("success", (await RunCommandAsync(operatorUser, node, placed, "placed")).Status());
        Assert.True(File.Exists(Evidence("placed")), "the command on the placed host did not run");
    }

    public void Dispose() => evidence.Delete(recursive: true);

    private async Task<JsonElement> RunCommandAsync(ApiClient caller, long node, string host, string tag)
    {
        var started = await caller.PostAsync($"{J}/task/{node}/plugin_cmd", new
        {
            name = "escalate", user = TestServers.SshUser, node_type = "builtin", node_cont = host,
            scripts_type = "shell", scripts_cont = $"touch {Evidence(tag)}", timeout = 60,
        });
        return await WaitFinishedAsync(caller, node, started.Data().GetProperty("uuid").GetString()!);
    }

    private async Task<JsonElement> RunCopyAsync(ApiClient caller, long node, string host, string tag)
    {
        var source = Evidence("copy-source");
        await File.WriteAllTextAsync(source, "payload");
        var started = await StartScpAsync(caller, node, Scp("escalate", "builtin", host, source, [host], Evidence(tag)));
        return await WaitFinishedAsync(caller, node, started.GetProperty("uuid").GetString()!);
    }

    private static async Task<long> PrivateNodeAsync(ApiClient browser, string user)
    {
        var tree = (await browser.GetAsync($"{C}/connectorx/usertree")).Data().EnumerateArray();
        var privateRoot = tree.Single(n => n.GetProperty("id").GetInt64() == PrivateRoot);
        var own = privateRoot.GetProperty("children").EnumerateArray().Single(n => n.GetProperty("name").GetString() == user);
        return own.GetProperty("id").GetInt64();
    }

    private void AssertNothingRan() => Assert.DoesNotContain(evidence.EnumerateFiles(), f => f.Name != "copy-source");

    private string Evidence(string tag) => Path.Combine(evidence.FullName, tag);

    /// <summary>A temp folder the farm's login (another local user) may write, so a file in it proves a run.</summary>
    private static DirectoryInfo SharedDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("openc3-escalation-");
        directory.UnixFileMode = (UnixFileMode)0x1FF;
        return directory;
    }

    private static void AssertUnauthorized(JsonElement reply)
    {
        Assert.False(reply.Stat(), reply.ToString());
        Assert.Equal("Unauthorized", reply.Info());
    }
}
