using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Agent;

/// <summary>Every `/api/agent` route over HTTP, with the fields the upstream agent pages read; run on both storage profiles.</summary>
public abstract class AgentApiTests(EmbeddedProduct product)
{
    private const string A = "/api/agent";

    [Fact]
    public async Task Regions_Bindings_Proxies_Subnets_RoundTrip_InThePagesShapes_AndEveryWriteIsAudited()
    {
        using var app = product.App();
        using var admin = await product.AdminAsync();
        var tree = NewTree();
        var other = NewTree();
        Assert.Equal(1, (await app.PostAsync($"{A}/region/{tree}", new { name = "idc-a" })).Data().GetInt32());
        Assert.Equal("region idc-a already exists", Refusal(await app.PostAsync($"{A}/region/{tree}", new { name = "idc-a" })));
        var globalName = $"global-{tree}";
        (await app.PostAsync($"{A}/region/0", new { name = globalName })).Data();
        (await app.PostAsync($"{A}/region/{other}", new { name = "elsewhere" })).Data();

        var withGlobal = (await app.GetAsync($"{A}/region/{tree}?relation=1")).Data().EnumerateArray().ToList();
        var own = Single((await app.GetAsync($"{A}/region/{tree}")).Data());
        Assert.Equal(["create_time", "id", "name", "projectid"], Fields(own));
        Assert.Equal((JsonValueKind.Number, "idc-a", tree), (own.GetProperty("id").ValueKind, own.GetProperty("name").GetString(), own.GetProperty("projectid").GetInt64()));
        var global = withGlobal.Single(r => r.GetProperty("name").GetString() == globalName);
        Assert.Equal([0L, tree], withGlobal.Select(r => r.GetProperty("projectid").GetInt64()).Distinct());
        var ownId = own.GetProperty("id").GetInt64();
        var globalId = global.GetProperty("id").GetInt64();
        var otherId = Single((await app.GetAsync($"{A}/region/{other}")).Data()).GetProperty("id").GetInt64();

        Assert.Equal(1, (await app.PostAsync($"{A}/project_region_relation/{tree}", new { regionid = ownId })).Data().GetInt32());
        Assert.Equal(1, (await app.PostAsync($"{A}/project_region_relation/{tree}", new { regionid = globalId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Data().GetInt32());
        Assert.Equal($"region {ownId} is already bound to tree node {tree}", Refusal(await app.PostAsync($"{A}/project_region_relation/{tree}", new { regionid = ownId })));
        Assert.Equal($"region {otherId} is not a region of tree node {tree} or of node 0", Refusal(await app.PostAsync($"{A}/project_region_relation/{tree}", new { regionid = otherId })));
        var bindings = (await app.GetAsync($"{A}/project_region_relation/{tree}")).Data().EnumerateArray().ToList();
        Assert.Equal(["id", "projectid", "regionid"], Fields(bindings[0]));
        Assert.Equal([ownId, globalId], bindings.Select(b => b.GetProperty("regionid").GetInt64()));

        Assert.Equal("the proxy not on tree: 10.1.0.1,10.1.0.2", Refusal(await app.PostAsync($"{A}/proxy/{tree}/{ownId}", new { ip = "10.1.0.1, web1,10.1.0.2" })));
        await PlaceHostsAsync(app, tree, "10.1.0.1", "10.1.0.2", "10.1.0.3", "10.1.0.9");
        Ok(await app.PostAsync($"{A}/proxy/{tree}/{ownId}", new { ip = "10.1.0.1, web1,10.1.0.2", username = "root" }));
        Assert.Equal($"region {globalId} is not a region of tree node {tree}", Refusal(await app.PostAsync($"{A}/proxy/{tree}/{globalId}", new { ip = "10.1.0.3" })));
        Assert.Equal($"proxy 10.1.0.2 already exists on tree node {tree}", Refusal(await app.PostAsync($"{A}/proxy/{tree}/{ownId}", new { ip = "10.1.0.9,10.1.0.2" })));
        var proxies = (await app.GetAsync($"{A}/proxy/{tree}/{ownId}")).Data().EnumerateArray().ToList();
        Assert.Equal(["edit_time", "fail", "id", "ip", "reason", "status", "version"], Fields(proxies[0]));
        Assert.Equal(
            [("10.1.0.1", "success", "1.0.0", 0, JsonValueKind.Null), ("10.1.0.2", "success", "1.0.0", 0, JsonValueKind.Null)],
            proxies.Select(p => (p.GetProperty("ip").GetString(), p.GetProperty("status").GetString(), p.GetProperty("version").GetString(), p.GetProperty("fail").GetInt32(), p.GetProperty("reason").ValueKind)));
        Assert.Empty((await app.GetAsync($"{A}/proxy/{tree}/{globalId}")).Data().EnumerateArray());

        Ok(await app.PostAsync($"{A}/agent/{tree}/{ownId}/subnet", new { subnet = "10.2.0.0/16 /^10.3.*/" }));
        Ok(await admin.PostAsync($"{A}/agent/{tree}/{ownId}/subnet", new { subname = "10.4.0.0/24" }));
        Ok(await app.PostAsync($"{A}/agent/{tree}/{globalId}/subnet", new { subnet = "10.5.0.0/24" }));
        Assert.Equal($"region {otherId} is not bound to tree node {tree}", Refusal(await app.PostAsync($"{A}/agent/{tree}/{otherId}/subnet", new { subnet = "10.6.0.0/24" })));
        var subnets = (await app.GetAsync($"{A}/agent/{tree}/{ownId}")).Data().EnumerateArray().ToList();
        Assert.Equal(["edit_time", "fail", "id", "ip", "reason", "status", "version"], Fields(subnets[0]));
        Assert.Equal(
            [("10.2.0.0/16", "subnet"), ("/^10.3.*/", "regex"), ("10.4.0.0/24", "subnet")],
            subnets.Select(s => (s.GetProperty("ip").GetString(), s.GetProperty("reason").GetString())));
        Assert.All(subnets, s => Assert.Equal(("success", "0", 0), (s.GetProperty("status").GetString(), s.GetProperty("version").GetString(), s.GetProperty("fail").GetInt32())));
        var all = (await app.GetAsync($"{A}/agent/{tree}")).Data().EnumerateArray().ToList();
        Assert.Equal(4, all.Count);
        Assert.Equal(["edit_time", "id", "status", "version"], Fields(all[0]));

        var active = (await app.GetAsync($"{A}/region/{tree}/active")).Data().EnumerateArray().ToList();
        Assert.Equal(["agent", "id", "proxy", "region", "regionprojectid"], Fields(active[0]));
        Assert.Equal(
            [(ownId, "idc-a", tree, "{\"success\":2}", "{\"success\":3}"), (globalId, globalName, 0L, "null", "{\"success\":1}")],
            active.Select(r => (r.GetProperty("id").GetInt64(), r.GetProperty("region").GetString(), r.GetProperty("regionprojectid").GetInt64(), r.GetProperty("proxy").GetRawText(), r.GetProperty("agent").GetRawText())));

        // The document MYDan clients read: one map per level; the global region has no proxy, so its subnet is left out.
        var routes = await app.GetAsync($"{A}/proxy/{tree}");
        Assert.Equal($"id:{tree},0", routes.GetProperty("info").GetString());
        var levels = routes.Data().EnumerateArray().ToList();
        Assert.Equal(2, levels.Count);
        Assert.Equal(
            ["/^10.3.*/=10.1.0.1", "10.2.0.0/16=10.1.0.1", "10.4.0.0/24=10.1.0.1"],
            levels[0].EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").Order(StringComparer.Ordinal));

        // Deletes answer the rows removed; another node's ids remove nothing.
        var subnetId = subnets[0].GetProperty("id").GetInt64();
        Assert.Equal(0, (await app.DeleteAsync($"{A}/agent/{other}/{subnetId}", new { })).Data().GetInt32());
        Assert.Equal(1, (await app.DeleteAsync($"{A}/agent/{tree}/{subnetId}", new { })).Data().GetInt32());
        Assert.Equal(0, (await app.DeleteAsync($"{A}/agent/{tree}/{subnetId}", new { })).Data().GetInt32());
        var proxyId = proxies[1].GetProperty("id").GetInt64();
        Assert.Equal(0, (await app.DeleteAsync($"{A}/proxy/{other}/{proxyId}", new { })).Data().GetInt32());
        Assert.Equal(1, (await app.DeleteAsync($"{A}/proxy/{tree}/{proxyId}", new { })).Data().GetInt32());
        Assert.Equal(["10.1.0.1"], (await app.GetAsync($"{A}/proxy/{tree}/{ownId}")).Data().EnumerateArray().Select(p => p.GetProperty("ip").GetString()));

        // Unbinding node 0's region drops the node's subnets in it, not the region.
        Assert.Equal(1, (await app.DeleteAsync($"{A}/project_region_relation/{tree}/{globalId}", new { })).Data().GetInt32());
        Assert.Equal(2, (await app.GetAsync($"{A}/agent/{tree}")).Data().GetArrayLength());
        Assert.Contains((await app.GetAsync($"{A}/region/0")).Data().EnumerateArray(), r => r.GetProperty("id").GetInt64() == globalId);

        // Deleting a region takes its bindings, their subnets and its proxies with it; another node cannot delete it.
        Assert.Equal(0, (await app.DeleteAsync($"{A}/region/{other}/{ownId}", new { })).Data().GetInt32());
        Assert.Equal(1, (await app.DeleteAsync($"{A}/region/{tree}/{ownId}", new { })).Data().GetInt32());
        Assert.Empty((await app.GetAsync($"{A}/region/{tree}")).Data().EnumerateArray());
        Assert.Empty((await app.GetAsync($"{A}/project_region_relation/{tree}")).Data().EnumerateArray());
        Assert.Empty((await app.GetAsync($"{A}/agent/{tree}")).Data().EnumerateArray());
        Assert.Empty((await app.GetAsync($"{A}/region/{tree}/active")).Data().EnumerateArray());
        Assert.Empty((await app.GetAsync($"{A}/proxy/{tree}/{ownId}")).Data().EnumerateArray());
        Assert.Equal(1, (await app.DeleteAsync($"{A}/region/0/{globalId}", new { })).Data().GetInt32());

        var audit = (await admin.GetAsync($"/api/connector/connectorx/auditlog?content=TREEID:{tree} ")).Data().EnumerateArray()
            .Select(r => r.GetProperty("title").GetString()).ToList();
        Assert.Equal(
            ["ADD PROXY", "ADD REGION", "ADD SUBNET", "DEL PROXY", "DEL REGION", "DEL SUBNET", "OUT REGION", "USE REGION"],
            audit.Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(
            (await admin.GetAsync($"/api/connector/connectorx/auditlog?title=ADD%20SUBNET&content=TREEID:{tree} ")).Data().EnumerateArray(),
            r => r.GetProperty("user").GetString() == "open-c3" && r.GetProperty("content").GetString() == $"TREEID:{tree} REGIONID:{ownId} SUBNET_OR_REGEX:10.4.0.0/24");
    }

    [Fact]
    public async Task CheckSwitch_IsOffUntilSet_ThenShowsItsTimesAndFlags_AndTheMonitorCountsIt()
    {
        using var app = product.App();
        using var anonymous = product.Anonymous();
        var tree = NewTree();
        Assert.Equal("{\"status\":\"off\"}", (await app.GetAsync($"{A}/check/{tree}")).Data().GetRawText());
        var before = (await anonymous.GetAsync($"{A}/monitor/metrics/app")).Data().GetProperty("check_total").GetInt64();

        // Switching on runs a first round at once (this node has no proxies to probe).
        Ok(await app.PostAsync($"{A}/check/{tree}", new { status = "on" }));
        var check = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"{A}/check/{tree}")).Data(),
            c => c.GetProperty("last_success").GetString() != "1971-01-01 00:00:00",
            TimeSpan.FromSeconds(30),
            "the first check round");
        Assert.Equal(
            ["last_check", "last_check_s", "last_check_x", "last_success", "last_success_s", "last_success_x", "slave", "status"],
            Fields(check));
        Assert.Equal(("on", 0, 0, JsonValueKind.String), (check.GetProperty("status").GetString(), check.GetProperty("last_check_x").GetInt32(), check.GetProperty("last_success_x").GetInt32(), check.GetProperty("slave").ValueKind));
        Assert.InRange(check.GetProperty("last_success_s").GetInt64() - check.GetProperty("last_check_s").GetInt64(), 0, 30);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - check.GetProperty("last_check_s").GetInt64(), -5, 60);
        var metrics = (await anonymous.GetAsync($"{A}/monitor/metrics/app")).Data();
        Assert.Equal(
            ["agent_fail", "agent_success", "agent_total", "check_total", "proxy_fail", "proxy_success", "proxy_total"],
            Fields(metrics));
        Assert.Equal(before + 1, metrics.GetProperty("check_total").GetInt64());

        Ok(await app.PostAsync($"{A}/check/{tree}", new { status = "off" }));
        Assert.Equal("off", (await app.GetAsync($"{A}/check/{tree}")).Data().GetProperty("status").GetString());
        Assert.Equal("check format fail status need in on,off", Refusal(await app.PostAsync($"{A}/check/{tree}", new { status = "yes" })));
        Assert.Equal("check format fail status need in on,off", Refusal(await app.PostAsync($"{A}/check/{tree}", new { status = "ON" })));
        Assert.Equal("check format fail status undef", Refusal(await app.PostAsync($"{A}/check/{tree}", new { })));

        var database = await anonymous.GetAsync($"{A}/monitor/metrics/mysql");
        Assert.Equal(await anonymous.GetAsync("/api/job/monitor/metrics/mysql") is { } job && job.GetProperty("stat").GetBoolean(), database.GetProperty("stat").GetBoolean());
    }

    [Fact]
    public async Task Inherit_Proxies_AndNodeInfo_FollowTheServiceTree()
    {
        using var admin = await product.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var root = (await admin.PostAsync("/api/connector/default/tree", new { name = $"ag{suffix}" })).Data().GetInt64();
        var child = (await admin.PostAsync($"/api/connector/default/tree/{root}", new { name = "web" })).Data().GetInt64();
        var leaf = (await admin.PostAsync($"/api/connector/default/tree/{child}", new { name = "blue" })).Data().GetInt64();

        var inherit = (await admin.GetAsync($"{A}/inherit/{leaf}")).Data();
        Assert.Equal(["create_time", "fullname", "id", "inheritid", "projectid"], Fields(inherit));
        Assert.Equal((leaf, $"{child},{root}", $"ag{suffix}.web.blue"), (inherit.GetProperty("projectid").GetInt64(), inherit.GetProperty("inheritid").GetString(), inherit.GetProperty("fullname").GetString()));
        Assert.Equal("", (await admin.GetAsync($"{A}/inherit/{root}")).Data().GetProperty("inheritid").GetString());
        Assert.Equal("{}", (await admin.GetAsync($"{A}/inherit/{NewTree()}")).Data().GetRawText());

        // A subnet bound on the root is offered to the leaf at the root's level.
        var region = (await admin.PostAsync($"{A}/region/{root}", new { name = "dc" })).Data();
        var regionId = Single((await admin.GetAsync($"{A}/region/{root}")).Data()).GetProperty("id").GetInt64();
        Assert.Equal(1, region.GetInt32());
        (await admin.PostAsync($"{A}/project_region_relation/{root}", new { regionid = regionId })).Data();
        await PlaceHostsAsync(admin, root, "10.7.0.1");
        Ok(await admin.PostAsync($"{A}/proxy/{root}/{regionId}", new { ip = "10.7.0.1" }));
        Ok(await admin.PostAsync($"{A}/agent/{root}/{regionId}/subnet", new { subnet = "10.8.0.0/16" }));
        var routes = await admin.GetAsync($"{A}/proxy/{leaf}");
        Assert.Equal($"id:{leaf},{child},{root},0", routes.GetProperty("info").GetString());
        Assert.Equal(["{}", "{}", "{\"10.8.0.0/16\":\"10.7.0.1\"}"], routes.Data().EnumerateArray().Take(3).Select(l => l.GetRawText()));

        // The machine chooser reads the node's hosts as the job module knows them, with what the check loop saw (nothing yet).
        (await admin.PostAsync($"/api/connector/default/node/{leaf}", new { name = "10.9.0.1" })).Data();
        var machines = (await admin.GetAsync($"{A}/nodeinfo/{leaf}")).Data().EnumerateArray().ToList();
        var jobMachine = (await admin.GetAsync($"/api/job/nodeinfo/{leaf}")).Data().EnumerateArray().Single();
        Assert.Equal(["exip", "exips", "id", "inip", "inips", "name", "type"], Fields(machines.Single()));
        Assert.All(Fields(jobMachine), field => Assert.Equal(jobMachine.GetProperty(field).GetRawText(), machines.Single().GetProperty(field).GetRawText()));
        Assert.Equal(("{}", "{}"), (machines.Single().GetProperty("inips").GetRawText(), machines.Single().GetProperty("exips").GetRawText()));
        Assert.Equal("10.9.0.1", machines.Single().GetProperty("inip").GetString());
        Assert.Equal(1, (await admin.GetAsync($"{A}/nodeinfo/{leaf}/count")).Data().GetProperty("node").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await admin.GetAsync($"{A}/nodeinfo/{leaf}/check?node=10.9.0.1")).Data().ValueKind);
        Assert.Equal("10.9.9.9", (await admin.GetAsync($"{A}/nodeinfo/{leaf}/check?node=10.9.0.1,10.9.9.9")).Data().GetString());
    }

    [Fact]
    public async Task Users_NeedTheAgentPoints_ReadersReadOnly_AndStrangersNothing()
    {
        var (tree, reader) = await UserWithLevelAsync(product, 0);
        using var _ = reader;
        using var anonymous = product.Anonymous();
        var stranger = NewTree();
        foreach (var (method, path) in Routes(tree))
        {
            var read = await SendAsync(reader, method, path);
            if (method == "GET")
            {
                Assert.True(read.GetProperty("stat").GetBoolean(), $"{method} {path}: {read}");
            }
            else
            {
                Assert.Equal((path, "Unauthorized"), (path, Refusal(read)));
            }
        }

        foreach (var (method, path) in Routes(stranger))
        {
            Assert.Equal((method, path, "Unauthorized"), (method, path, Refusal(await SendAsync(reader, method, path))));
            Assert.Equal((method, path, 10000), (method, path, (await SendAsync(anonymous, method, path)).GetProperty("code").GetInt32()));
        }

        Assert.Equal("Unauthorized", Refusal(await reader.PostAsync($"{A}/region/0", new { name = "mine" })));
        Assert.True((await anonymous.GetAsync($"{A}/monitor/metrics/app")).GetProperty("stat").GetBoolean());
    }

    [Fact]
    public async Task HostileInput_IsRefusedBeforeItReachesTheDatabase_OrStoredAsPlainData()
    {
        using var app = product.App();
        var tree = NewTree();
        var name = "x\"; DROP TABLE openc3_agent_region; -- \\ %_";
        (await app.PostAsync($"{A}/region/{tree}", new { name })).Data();
        var region = Single((await app.GetAsync($"{A}/region/{tree}")).Data());
        Assert.Equal(name, region.GetProperty("name").GetString());
        var regionId = region.GetProperty("id").GetInt64();
        (await app.PostAsync($"{A}/project_region_relation/{tree}", new { regionid = regionId })).Data();

        Assert.Equal("check format fail name format error", Refusal(await app.PostAsync($"{A}/region/{tree}", new { name = "o'neil" })));
        Assert.Equal("check format fail name format error", Refusal(await app.PostAsync($"{A}/region/{tree}", new { name = new string('n', 101) })));
        Assert.Equal("check format fail name undef", Refusal(await app.PostAsync($"{A}/region/{tree}", new { })));

        var subnet = $"{A}/agent/{tree}/{regionId}/subnet";
        Assert.Equal(@"check format fail subnet format error (?^:^[\^\$a-zA-Z\-\*\d\.\/, ]+$)", Refusal(await app.PostAsync(subnet, new { subnet = "10.0.0.0/8' OR '1'='1" })));
        Assert.Equal(@"check format fail subnet format error (?^:^[\^\$a-zA-Z\-\*\d\.\/, ]+$)", Refusal(await app.PostAsync(subnet, new { subnet = "/(a+)+$/" })));
        Assert.Equal("bad subnet 10.0.0.300/24: octets go up to 255, the prefix up to 32", Refusal(await app.PostAsync(subnet, new { subnet = "10.0.0.300/24" })));
        Assert.Equal("bad subnet 10.0.0.0/33: octets go up to 255, the prefix up to 32", Refusal(await app.PostAsync(subnet, new { subnet = "10.0.0.0/8,10.0.0.0/33" })));
        Assert.Equal("No effective subnet or regx", Refusal(await app.PostAsync(subnet, new { subnet = "10.0.0.1 web1" })));
        Assert.StartsWith("bad regex /*/:", Refusal(await app.PostAsync(subnet, new { subnet = "/*/" })), StringComparison.Ordinal);
        Assert.Equal("regex too long: at most 100 characters", Refusal(await app.PostAsync(subnet, new { subnet = "/" + string.Concat(Enumerable.Repeat("a*", 2000)) + "b/" })));
        Assert.Equal("check format fail subnet too long, at most 8000 characters", Refusal(await app.PostAsync(subnet, new { subnet = new string('1', 9000) })));
        Assert.Equal("check format fail subnet undef", Refusal(await app.PostAsync(subnet, new { })));
        Assert.Equal("check format fail subnet format error", Refusal(await app.PostAsync(subnet, new { subnet = new[] { "10.0.0.0/8" } })));
        Ok(await app.PostAsync(subnet, new { subnet = "/" + string.Concat(Enumerable.Repeat("a*", 40)) + "b/" }));
        Assert.Equal(["regex"], (await app.GetAsync($"{A}/agent/{tree}/{regionId}")).Data().EnumerateArray().Select(s => s.GetProperty("reason").GetString()));

        Assert.Equal(@"check format fail ip format error (?^:^[a-zA-Z0-9 \-\._,]+$)", Refusal(await app.PostAsync($"{A}/proxy/{tree}/{regionId}", new { ip = "10.0.0.1;id" })));
        Assert.Equal("ip format error", Refusal(await app.PostAsync($"{A}/proxy/{tree}/{regionId}", new { ip = "10.0.0.256,web" })));

        foreach (var id in new[] { "1%20OR%201=1", "1;DELETE", "-1", "99999999999999999999", "%27" })
        {
            Assert.Equal(@"check format fail regionid format error (?^:^\d+$)", Refusal(await app.GetAsync($"{A}/agent/{tree}/{id}")));
            Assert.Equal(@"check format fail regionid format error (?^:^\d+$)", Refusal(await app.DeleteAsync($"{A}/region/{tree}/{id}", new { })));
            Assert.Equal(@"check format fail proxyid format error (?^:^\d+$)", Refusal(await app.DeleteAsync($"{A}/proxy/{tree}/{id}", new { })));
            Assert.Equal(@"check format fail agentid format error (?^:^\d+$)", Refusal(await app.DeleteAsync($"{A}/agent/{tree}/{id}", new { })));
            Assert.Equal(@"check format fail projectid format error (?^:^\d+$)", Refusal(await app.GetAsync($"{A}/region/{id}")));
        }

        Assert.Equal(@"check format fail regionid format error (?^:^\d+$)", Refusal(await app.PostAsync($"{A}/project_region_relation/{tree}", new { regionid = "1 OR 1=1" })));
        Assert.Single((await app.GetAsync($"{A}/region/{tree}")).Data().EnumerateArray());
    }

    /// <summary>Admin-placed machines of the node (connector resources): the only hosts a proxy may be.</summary>
    private static async Task PlaceHostsAsync(ApiClient admin, long tree, params string[] hosts)
    {
        foreach (var host in hosts)
        {
            (await admin.PostAsync($"/api/connector/default/node/{tree}", new { name = host })).Data();
        }
    }

    private static IEnumerable<(string Method, string Path)> Routes(long tree) =>
    [
        ("GET", $"{A}/agent/{tree}"), ("GET", $"{A}/agent/{tree}/1"), ("POST", $"{A}/agent/{tree}/1/subnet"), ("DELETE", $"{A}/agent/{tree}/1"),
        ("GET", $"{A}/check/{tree}"), ("POST", $"{A}/check/{tree}"), ("GET", $"{A}/inherit/{tree}"),
        ("GET", $"{A}/nodeinfo/{tree}"), ("GET", $"{A}/nodeinfo/{tree}/check?node=10.0.0.1"), ("GET", $"{A}/nodeinfo/{tree}/count"),
        ("GET", $"{A}/project_region_relation/{tree}"), ("POST", $"{A}/project_region_relation/{tree}"), ("DELETE", $"{A}/project_region_relation/{tree}/1"),
        ("GET", $"{A}/proxy/{tree}"), ("GET", $"{A}/proxy/{tree}/1"), ("POST", $"{A}/proxy/{tree}/1"), ("DELETE", $"{A}/proxy/{tree}/1"),
        ("GET", $"{A}/region/{tree}"), ("POST", $"{A}/region/{tree}"), ("DELETE", $"{A}/region/{tree}/1"), ("GET", $"{A}/region/{tree}/active"),
    ];

    private static Task<JsonElement> SendAsync(ApiClient client, string method, string path) => method switch
    {
        "GET" => client.GetAsync(path),
        "POST" => client.PostAsync(path, new { name = "r", status = "on", regionid = 1, ip = "10.0.0.1", subnet = "10.0.0.0/8" }),
        _ => client.DeleteAsync(path, new { }),
    };

    private static JsonElement Single(JsonElement rows) => Assert.Single(rows.EnumerateArray());

    private static List<string> Fields(JsonElement row) => row.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
}

[Collection(SharedProducts.SqliteApi)]
public sealed class SqliteAgentApiTests(EmbeddedProduct product) : AgentApiTests(product);

[Collection(SharedProducts.MariaDbApi)]
public sealed class MariaDbAgentApiTests(MariaDbEmbeddedProduct product) : AgentApiTests(product);
