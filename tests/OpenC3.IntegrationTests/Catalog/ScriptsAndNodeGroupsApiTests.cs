using System.Text.Json;

namespace OpenC3.IntegrationTests.Catalog;

/// <summary>`/api/job/scripts` and `/api/job/nodegroup` over HTTP; run on both storage profiles.</summary>
public abstract class ScriptsAndNodeGroupsApiTests(EmbeddedProduct product)
{
    [Fact]
    public async Task Scripts_CrudRoundTrip_WithEveryFilter_AndCitingJobs()
    {
        using var app = product.App();
        using var admin = await product.AdminAsync();
        var tree = NewTree();
        var globalName = $"global-{Guid.NewGuid():N}"[..20];
        Assert.True((await app.PostAsync($"{J}/scripts/{tree}", new { name = "Restart-Nginx", type = "shell", cont = "#!/bin/bash\nsystemctl restart nginx # 重启" })).Data().GetBoolean());
        Assert.True((await admin.PostAsync($"{J}/scripts/{tree}", new { name = "report", type = "python", cont = "print('ok')" })).Data().GetBoolean());
        Assert.True((await app.PostAsync($"{J}/scripts/0", new { name = globalName, type = "buildin", cont = "noop" })).Data().GetBoolean());

        var list = (await app.GetAsync($"{J}/scripts/{tree}")).Data().EnumerateArray().ToList();
        var mine = list.Where(s => s.GetProperty("projectid").GetInt64() == tree).ToList();
        Assert.Equal(["Restart-Nginx", "report"], mine.Select(s => s.GetProperty("name").GetString()));
        Assert.Contains(list, s => s.GetProperty("name").GetString() == globalName && s.GetProperty("projectid").GetInt64() == 0);
        Assert.Equal(
            ["create_time", "create_user", "edit_time", "edit_user", "id", "jobname", "name", "projectid", "type"],
            mine[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var restart = mine[0].GetProperty("id").GetInt64();
        var report = mine[1].GetProperty("id").GetInt64();

        var detail = (await app.GetAsync($"{J}/scripts/{tree}/{restart}")).Data();
        Assert.Equal(("Restart-Nginx", "shell", "#!/bin/bash\nsystemctl restart nginx # 重启"), (detail.GetProperty("name").GetString(), detail.GetProperty("type").GetString(), detail.GetProperty("cont").GetString()));

        var cite = new Dictionary<string, object?>(Cmd("restart")) { ["scripts_type"] = "cite", ["scripts_cont"] = restart };
        await CreateJobAsync(app, tree, "web-ops", cite);
        await CreateJobAsync(app, tree, "db-ops", new Dictionary<string, object?>(Cmd("both")) { ["scripts_type"] = "cite", ["scripts_cont"] = restart.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("db-ops,web-ops", JobNameOf((await app.GetAsync($"{J}/scripts/{tree}")).Data(), restart));
        Assert.Equal("", JobNameOf((await app.GetAsync($"{J}/scripts/{tree}")).Data(), report));

        var filters = new (string Query, string[] Expected)[]
        {
            ("name=nginx", ["Restart-Nginx"]), ("create_user=open-c3", ["report"]), ("edit_user=ci@app", ["Restart-Nginx"]),
            ("jobname=^db-", ["Restart-Nginx"]), ("jobname=nomatch", []),
            ($"create_time_start={Today}&create_time_end={Today}", ["Restart-Nginx", "report"]), ($"create_time_end={Yesterday}", []),
            ($"edit_time_start={Tomorrow}", []), ($"edit_time_end={Tomorrow}", ["Restart-Nginx", "report"]),
        };
        foreach (var (query, expected) in filters)
        {
            Assert.Equal((query, string.Join(",", expected)), (query, string.Join(",", Names((await app.GetAsync($"{J}/scripts/{tree}?{query}")).Data()).Where(n => n != globalName))));
        }

        Assert.True((await admin.PostAsync($"{J}/scripts/{tree}/{report}", new { name = "report-v2", type = "perl", cont = "print 1;" })).Data().GetBoolean());
        detail = (await app.GetAsync($"{J}/scripts/{tree}/{report}")).Data();
        Assert.Equal(("report-v2", "perl", "print 1;", "open-c3"), (detail.GetProperty("name").GetString(), detail.GetProperty("type").GetString(), detail.GetProperty("cont").GetString(), detail.GetProperty("edit_user").GetString()));

        Assert.Equal("a script named report-v2 already exists", Refusal(await app.PostAsync($"{J}/scripts/{tree}", new { name = "report-v2", type = "shell" })));
        Assert.True((await app.DeleteAsync($"{J}/scripts/{tree}/{report}", new { })).Data().GetBoolean());
        Assert.Equal("script not found", Refusal(await app.GetAsync($"{J}/scripts/{tree}/{report}")));
        Assert.Equal("script not found", Refusal(await app.DeleteAsync($"{J}/scripts/{tree}/{report}", new { })));
        Assert.True((await app.PostAsync($"{J}/scripts/{tree}", new { name = "report-v2", type = "auto", cont = "" })).Data().GetBoolean());
        Assert.Equal(["Restart-Nginx", "report-v2"], Names((await app.GetAsync($"{J}/scripts/{tree}")).Data()).Where(n => n != globalName));

        // A global script is visible on every node but changed only on node 0.
        var global = (await app.GetAsync($"{J}/scripts/{tree}")).Data().EnumerateArray().Single(s => s.GetProperty("name").GetString() == globalName).GetProperty("id").GetInt64();
        Assert.Equal("noop", (await app.GetAsync($"{J}/scripts/{NewTree()}/{global}")).Data().GetProperty("cont").GetString());
        Assert.Equal("script not found", Refusal(await app.PostAsync($"{J}/scripts/{tree}/{global}", new { name = globalName, type = "shell", cont = "rm -rf /" })));
        Assert.True((await app.DeleteAsync($"{J}/scripts/0/{global}", new { })).Data().GetBoolean());
    }

    [Fact]
    public async Task Scripts_BadInput_AnswersUpstreamsMessages()
    {
        using var app = product.App();
        var tree = NewTree();
        Assert.Equal("check format fail type need in shell,perl,python,php,buildin,auto", Refusal(await app.PostAsync($"{J}/scripts/{tree}", new { name = "x", type = "bash" })));
        Assert.Equal("check format fail type undef", Refusal(await app.PostAsync($"{J}/scripts/{tree}", new { name = "x" })));
        Assert.Equal("check format fail name format error", Refusal(await app.PostAsync($"{J}/scripts/{tree}", new { name = "x'y", type = "shell" })));
        Assert.Equal("check format fail name too long, at most 100 characters", Refusal(await app.PostAsync($"{J}/scripts/{tree}", new { name = new string('n', 101), type = "shell" })));
        Assert.Equal(@"check format fail scriptsid format error (?^:^\d+$)", Refusal(await app.GetAsync($"{J}/scripts/{tree}/abc")));
        Assert.Equal(@"check format fail create_time_end format error (?^:^\d{4}\-\d{2}\-\d{2}$)", Refusal(await app.GetAsync($"{J}/scripts/{tree}?create_time_end=2026-1-1")));
        Assert.Equal("jobname format error", Refusal(await app.GetAsync($"{J}/scripts/{tree}?jobname=(open")));
    }

    [Fact]
    public async Task NodeGroups_CrudRoundTrip_WithEveryFilter_NodeList_AndCitingJobs()
    {
        using var app = product.App();
        using var admin = await product.AdminAsync();
        var tree = NewTree();
        Assert.True((await app.PostAsync($"{J}/nodegroup/{tree}", new { name = "Web-Servers", plugin = "node", @params = "10.0.0.1,10.0.0.2,web3" })).Data().GetBoolean());
        Assert.True((await admin.PostAsync($"{J}/nodegroup/{tree}", new { name = "by-type", plugin = "type", @params = "mysql,redis" })).Data().GetBoolean());

        var list = (await app.GetAsync($"{J}/nodegroup/{tree}")).Data().EnumerateArray().ToList();
        Assert.Equal(["by-type", "Web-Servers"], list.Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(
            ["create_time", "create_user", "edit_time", "edit_user", "id", "jobname", "name", "plugin"],
            list[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var web = list[1].GetProperty("id").GetInt64();
        var byType = list[0].GetProperty("id").GetInt64();

        var detail = (await app.GetAsync($"{J}/nodegroup/{tree}/{web}")).Data();
        Assert.Equal(("Web-Servers", "node", "10.0.0.1,10.0.0.2,web3"), (detail.GetProperty("name").GetString(), detail.GetProperty("plugin").GetString(), detail.GetProperty("params").GetString()));
        Assert.Equal(["10.0.0.1", "10.0.0.2", "web3"], (await app.GetAsync($"{J}/nodegroup/{tree}/{web}/nodelist")).Data().EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("nofind the nodegroup in project", Refusal(await app.GetAsync($"{J}/nodegroup/{NewTree()}/{web}/nodelist")));

        var cmd = new Dictionary<string, object?>(Cmd("on-group")) { ["node_type"] = "group", ["node_cont"] = web };
        var scp = new Dictionary<string, object?>(Scp("to-group")) { ["dst_type"] = "group", ["dst"] = web.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await CreateJobAsync(app, tree, "rollout", cmd);
        await CreateJobAsync(app, tree, "distribute", scp);
        Assert.Equal("distribute,rollout", JobNameOf((await app.GetAsync($"{J}/nodegroup/{tree}")).Data(), web));

        var filters = new (string Query, string[] Expected)[]
        {
            ("name=SERVERS", ["Web-Servers"]), ("plugin=type", ["by-type"]), ("plugin=node", ["Web-Servers"]), ("create_user=open-c3", ["by-type"]),
            ("edit_user=ci@app", ["Web-Servers"]), ("jobname=rollout", ["Web-Servers"]), ("jobname=^x", []),
            ($"create_time_start={Today}", ["by-type", "Web-Servers"]), ($"create_time_start={Tomorrow}", []),
            ($"edit_time_end={Yesterday}", []), ($"edit_time_start={Today}&edit_time_end={Today}", ["by-type", "Web-Servers"]),
        };
        foreach (var (query, expected) in filters)
        {
            Assert.Equal((query, string.Join(",", expected)), (query, string.Join(",", Names((await app.GetAsync($"{J}/nodegroup/{tree}?{query}")).Data()))));
        }

        var structured = new { hosts = new[] { "a", "b" }, note = "any JSON" };
        Assert.True((await admin.PostAsync($"{J}/nodegroup/{tree}/{byType}", new { name = "by-type-2", plugin = "node", @params = structured })).Data().GetBoolean());
        detail = (await app.GetAsync($"{J}/nodegroup/{tree}/{byType}")).Data();
        Assert.Equal(("by-type-2", "node", "open-c3"), (detail.GetProperty("name").GetString(), detail.GetProperty("plugin").GetString(), detail.GetProperty("edit_user").GetString()));
        Assert.Equal(JsonSerializer.Serialize(structured), detail.GetProperty("params").GetRawText());

        Assert.Equal("a nodegroup named by-type-2 already exists", Refusal(await app.PostAsync($"{J}/nodegroup/{tree}", new { name = "by-type-2", plugin = "node", @params = "h" })));
        Assert.True((await app.DeleteAsync($"{J}/nodegroup/{tree}/{byType}", new { })).Data().GetBoolean());
        Assert.Equal("nodegroup not found", Refusal(await app.GetAsync($"{J}/nodegroup/{tree}/{byType}")));
        Assert.Equal("nodegroup not found", Refusal(await app.DeleteAsync($"{J}/nodegroup/{tree}/{byType}", new { })));
        Assert.True((await app.PostAsync($"{J}/nodegroup/{tree}", new { name = "by-type-2", plugin = "node", @params = "h" })).Data().GetBoolean());
        Assert.Equal(["by-type-2", "Web-Servers"], Names((await app.GetAsync($"{J}/nodegroup/{tree}")).Data()));

        using var audit = await product.AdminAsync();
        var titles = (await audit.GetAsync($"/api/connector/connectorx/auditlog?content=TREEID:{tree} NAME:by-type")).Data().EnumerateArray().Select(r => r.GetProperty("title").GetString()).ToList();
        Assert.Contains("CREATE NODEGROUP", titles);
        Assert.Contains("EDIT NODEGROUP", titles);
        Assert.Contains("DELETE NODEGROUP", titles);
    }

    [Fact]
    public async Task NodeGroups_BadInput_AnswersUpstreamsMessages()
    {
        using var app = product.App();
        var tree = NewTree();
        Assert.Equal("check format fail plugin need in node,type", Refusal(await app.PostAsync($"{J}/nodegroup/{tree}", new { name = "g", plugin = "cmdb", @params = "x" })));
        Assert.Equal("check format fail plugin undef", Refusal(await app.PostAsync($"{J}/nodegroup/{tree}", new { name = "g" })));
        Assert.Equal("check format fail name undef", Refusal(await app.PostAsync($"{J}/nodegroup/{tree}", new { plugin = "node" })));
        Assert.Equal(@"check format fail id format error (?^:^\d+$)", Refusal(await app.GetAsync($"{J}/nodegroup/{tree}/x1/nodelist")));
        Assert.Equal(@"check format fail edit_time_start format error (?^:^\d{4}\-\d{2}\-\d{2}$)", Refusal(await app.GetAsync($"{J}/nodegroup/{tree}?edit_time_start=today")));
    }

    [Fact]
    public async Task UserWithoutThePoint_IsUnauthorized()
    {
        var (tree, reader) = await UserWithLevelAsync(product, 0);
        using (reader)
        {
            using var app = product.App();
            (await app.PostAsync($"{J}/scripts/{tree}", new { name = "s", type = "shell", cont = "true" })).Data();
            (await app.PostAsync($"{J}/nodegroup/{tree}", new { name = "g", plugin = "node", @params = "h1" })).Data();
            var script = (await reader.GetAsync($"{J}/scripts/{tree}")).Data().EnumerateArray().Single(s => s.GetProperty("name").GetString() == "s").GetProperty("id").GetInt64();
            var group = (await reader.GetAsync($"{J}/nodegroup/{tree}")).Data().EnumerateArray().Single().GetProperty("id").GetInt64();
            Assert.Equal("true", (await reader.GetAsync($"{J}/scripts/{tree}/{script}")).Data().GetProperty("cont").GetString());
            Assert.Equal(["h1"], (await reader.GetAsync($"{J}/nodegroup/{tree}/{group}/nodelist")).Data().EnumerateArray().Select(n => n.GetString()));

            foreach (var reply in new[]
            {
                await reader.PostAsync($"{J}/scripts/{tree}", new { name = "t", type = "shell" }),
                await reader.PostAsync($"{J}/scripts/{tree}/{script}", new { name = "s", type = "perl" }),
                await reader.DeleteAsync($"{J}/scripts/{tree}/{script}", new { }),
                await reader.PostAsync($"{J}/nodegroup/{tree}", new { name = "h", plugin = "node" }),
                await reader.PostAsync($"{J}/nodegroup/{tree}/{group}", new { name = "g", plugin = "node", @params = "evil" }),
                await reader.DeleteAsync($"{J}/nodegroup/{tree}/{group}", new { }),
                await reader.GetAsync($"{J}/scripts/{NewTree()}"),
                await reader.GetAsync($"{J}/nodegroup/{NewTree()}/{group}"),
                await reader.PostAsync($"{J}/scripts/0", new { name = "global", type = "shell" }),
            })
            {
                Assert.Equal("Unauthorized", Refusal(reply));
            }

            Assert.Equal(["h1"], (await app.GetAsync($"{J}/nodegroup/{tree}/{group}/nodelist")).Data().EnumerateArray().Select(n => n.GetString()));
            Assert.Equal("shell", (await app.GetAsync($"{J}/scripts/{tree}/{script}")).Data().GetProperty("type").GetString());
        }
    }

    private static string JobNameOf(JsonElement rows, long id) =>
        rows.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id).GetProperty("jobname").GetString()!;
}

[Collection(SharedProducts.SqliteApi)]
public sealed class SqliteScriptsAndNodeGroupsApiTests(EmbeddedProduct product) : ScriptsAndNodeGroupsApiTests(product);

[Collection(SharedProducts.MariaDbApi)]
public sealed class MariaDbScriptsAndNodeGroupsApiTests(MariaDbEmbeddedProduct product) : ScriptsAndNodeGroupsApiTests(product);
