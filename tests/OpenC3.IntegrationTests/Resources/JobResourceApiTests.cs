using System.Text.Json;

namespace OpenC3.IntegrationTests.Resources;

/// <summary>Machines, accounts, recipients, project status, release, small applications and vv over HTTP, on both storage profiles.</summary>
public abstract class JobResourceApiTests(EmbeddedProduct product)
{
    private const string TreeFormatError = @"check format fail projectid format error (?^:^\d+$)";

    [Fact]
    public async Task NodeList_AddsClassifiesFiltersAndDeletes()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        foreach (var name in new[] { "10.1.2.3", "8.8.4.4", "web1::192.168.1.5::1.2.3.4", "db1::172.20.0.9" })
        {
            Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name })).Data().GetBoolean());
        }

        var rows = (await app.GetAsync($"{J}/nodelist/{node}")).Rows();
        Assert.Equal(
            [("10.1.2.3", "10.1.2.3", ""), ("8.8.4.4", "", "8.8.4.4"), ("web1", "192.168.1.5", "1.2.3.4"), ("db1", "172.20.0.9", "")],
            rows.Select(r => (r.Text("name"), r.Text("inip"), r.Text("exip"))));
        Assert.All(rows, r => Assert.Equal("ci@app", r.Text("create_user")));
        Assert.All(rows, r => Assert.StartsWith(Today, r.Text("create_time"), StringComparison.Ordinal));
        Assert.Equal(["id", "name", "inip", "exip", "create_user", "create_time"], rows[0].EnumerateObject().Select(p => p.Name));

        Assert.Equal(["web1", "db1"], Names(await app.GetAsync($"{J}/nodelist/{node}?name=b1")));
        Assert.Equal(["web1"], Names(await app.GetAsync($"{J}/nodelist/{node}?inip=192.168")));
        Assert.Equal(["8.8.4.4"], Names(await app.GetAsync($"{J}/nodelist/{node}?exip=8.8")));
        Assert.Equal(4, (await app.GetAsync($"{J}/nodelist/{node}?create_user=ci@app&create_time_start={Today}&create_time_end={Today}")).Rows().Count);
        Assert.Empty((await app.GetAsync($"{J}/nodelist/{node}?create_user=someone-else")).Rows());
        Assert.Empty((await app.GetAsync($"{J}/nodelist/{node}?create_time_end=2000-01-01")).Rows());
        Assert.Empty((await app.GetAsync($"{J}/nodelist/{node}?name=%25")).Rows());

        var duplicate = await app.PostAsync($"{J}/nodelist/{node}", new { name = "10.1.2.3" });
        Assert.Equal("10.1.2.3 already exists", duplicate.Info());

        var web1 = rows[2].GetProperty("id").GetInt64();
        Assert.True((await app.DeleteAsync($"{J}/nodelist/{node}/{web1}", new { })).Data().GetBoolean());
        Assert.False((await app.DeleteAsync($"{J}/nodelist/{node}/{web1}", new { })).Data().GetBoolean());
        Assert.DoesNotContain("web1", Names(await app.GetAsync($"{J}/nodelist/{node}")));
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = "web1::192.168.1.6" })).Stat());

        Assert.Single(await AuditAsync(product, "ADD NODELIST", $"TREEID:{node} NAME:web1::192.168.1.5::1.2.3.4"));
        Assert.Single(await AuditAsync(product, "DEL NODELIST", $"TREEID:{node} NAME:web1"));
    }

    [Theory]
    [InlineData("web1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.256")]
    [InlineData("web::1.2.3.4::5.6.7.8::9.9.9.9")]
    [InlineData("../web::1.2.3.4")]
    [InlineData("1.2.3.4; rm -rf /")]
    public async Task NodeList_RefusesWhatIsNotAMachine(string name)
    {
        using var app = product.App();
        var reply = await app.PostAsync($"{J}/nodelist/1", new { name });
        Assert.Equal(@"check format fail name format error (?^:^(\d+\.\d+\.\d+\.\d+|[a-zA-Z0-9\.\-_]+::\d+\.\d+\.\d+\.\d+(::\d+\.\d+\.\d+\.\d+)?)$)", reply.Info());
    }

    [Fact]
    public async Task NodeList_ValidatesNodeIdsAndFilters()
    {
        using var app = product.App();
        Assert.Equal("check format fail name undef", (await app.PostAsync($"{J}/nodelist/1", new { })).Info());
        Assert.Equal(TreeFormatError, (await app.GetAsync($"{J}/nodelist/abc")).Info());
        Assert.Equal(TreeFormatError, (await app.PostAsync($"{J}/nodelist/-1", new { name = "1.1.1.1" })).Info());
        Assert.Equal(@"check format fail create_time_start format error (?^:^\d{4}\-\d{2}\-\d{2}$)", (await app.GetAsync($"{J}/nodelist/1?create_time_start=2024-1-1")).Info());
        Assert.Equal("check format fail name format error", (await app.GetAsync($"{J}/nodelist/1?name=it's")).Info());
        Assert.Equal("check format fail id format error (?^:^\\d+$)", (await app.DeleteAsync($"{J}/nodelist/1/x", new { })).Info());
    }

    [Fact]
    public async Task NodeList_IsReadWithTheReadPoint_ButChangedByAdminsOnly()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = "10.9.9.9" })).Stat());
        var id = (await app.GetAsync($"{J}/nodelist/{node}")).Rows()[0].GetProperty("id").GetInt64();

        using var ops = await UserAsync(product, node, 2);
        Assert.Single((await ops.GetAsync($"{J}/nodelist/{node}")).Rows());
        Assert.Equal("Unauthorized", (await ops.PostAsync($"{J}/nodelist/{node}", new { name = "10.9.9.8" })).Info());
        Assert.Equal("Unauthorized", (await ops.DeleteAsync($"{J}/nodelist/{node}/{id}", new { })).Info());

        using var stranger = await UserAsync(product, null, 0);
        Assert.Equal("Unauthorized", (await stranger.GetAsync($"{J}/nodelist/{node}")).Info());

        using var admin = await product.AdminAsync();
        Assert.True((await admin.DeleteAsync($"{J}/nodelist/{node}/{id}", new { })).Data().GetBoolean());
    }

    [Fact]
    public async Task NodeInfo_IsTheConnectorResourcesAndTheNodeList_WithoutTheGlobalNodesMachines()
    {
        var node = await NewNodeAsync(product);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var app = product.App();
        await ExecuteSqlAsync(product, ConnectorNodeListTable(product));
        await ExecuteSqlAsync(
            product,
            """
            INSERT INTO openc3_connector_nodelist (projectid, name, inip, exip, type, create_user, create_time, edit_user, edit_time, status)
            VALUES (@node, '10.7.0.1', '10.7.0.1', '', 'idc', 'x', '2024-01-01 00:00:00', 'x', '2024-01-01 00:00:00', 'available'),
                   (@node, '10.7.0.2', '10.7.0.2', '', 'idc', 'x', '2024-01-01 00:00:00', 'x', '2024-01-01 00:00:00', 'deleted')
            """,
            new { node });
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = "app1::10.7.0.3::5.5.5.5" })).Stat());
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = "10.7.0.1" })).Stat());
        Assert.True((await app.PostAsync($"{J}/nodelist/0", new { name = $"g{suffix}::10.0.0.250" })).Stat());
        try
        {
            var machines = (await app.GetAsync($"{J}/nodeinfo/{node}")).Rows();
            Assert.Equal(Enumerable.Range(1, machines.Count), machines.Select(m => m.GetProperty("id").GetInt32()));
            Assert.Equal(["id", "name", "type", "inip", "exip"], machines[0].EnumerateObject().Select(p => p.Name));
            Assert.Equal(("10.7.0.1", "idc"), (machines[0].Text("name"), machines[0].Text("type")));
            Assert.Equal(("app1", "extend", "10.7.0.3", "5.5.5.5"), (machines[1].Text("name"), machines[1].Text("type"), machines[1].Text("inip"), machines[1].Text("exip")));
            // The global node's list is not the node's reach (issue 11: nobody reaches hosts not placed on their node).
            Assert.DoesNotContain(machines, m => m.Text("name") == $"g{suffix}");
            Assert.Single(machines, m => m.Text("name") == "10.7.0.1");
            Assert.DoesNotContain(machines, m => m.Text("name") == "10.7.0.2");

            var count = (await app.GetAsync($"{J}/nodeinfo/{node}/count")).Data();
            Assert.Equal(machines.Count, count.GetProperty("node").GetInt32());
        }
        finally
        {
            var global = (await app.GetAsync($"{J}/nodelist/0?name=g{suffix}")).Rows().Single().GetProperty("id").GetInt64();
            Assert.True((await app.DeleteAsync($"{J}/nodelist/0/{global}", new { })).Data().GetBoolean());
        }
    }

    [Fact]
    public async Task NodeInfo_Check_NamesTheHostsThatDoNotBelong()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = "web1::10.3.0.1::6.6.6.6" })).Stat());
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = "10.3.0.2" })).Stat());

        var inside = await app.GetAsync($"{J}/nodeinfo/{node}/check?node=web1,10.3.0.1,6.6.6.6,10.3.0.2");
        Assert.Equal(JsonValueKind.Null, inside.Data().ValueKind);
        Assert.Equal("9.9.9.9,web2", (await app.GetAsync($"{J}/nodeinfo/{node}/check?node=9.9.9.9,web1,web2")).Data().GetString());
        Assert.Equal(JsonValueKind.Null, (await app.GetAsync($"{J}/nodeinfo/0/check?node=anything")).Data().ValueKind);

        Assert.Equal("check format fail node undef", (await app.GetAsync($"{J}/nodeinfo/{node}/check")).Info());
        Assert.Equal(@"check format fail node format error (?^:^[a-zA-Z0-9_\-\.,]+$)", (await app.GetAsync($"{J}/nodeinfo/{node}/check?node=a%20b")).Info());

        using var stranger = await UserAsync(product, null, 0);
        Assert.Equal("Unauthorized", (await stranger.GetAsync($"{J}/nodeinfo/{node}")).Info());
        Assert.Equal("Unauthorized", (await stranger.GetAsync($"{J}/nodeinfo/{node}/count")).Info());
    }

    [Fact]
    public async Task UserList_ShowsTheNodesAndTheGlobalAccounts_AndValidates()
    {
        var node = await NewNodeAsync(product);
        var global = $"g{Guid.NewGuid():N}"[..12];
        using var app = product.App();
        Assert.True((await app.PostAsync($"{J}/userlist/{node}", new { username = "deploy_user-1" })).Data().GetBoolean());
        Assert.True((await app.PostAsync($"{J}/userlist/{node}", new { username = "www" })).Stat());
        Assert.True((await app.PostAsync($"{J}/userlist/0", new { username = global })).Stat());
        Assert.Equal("www already exists", (await app.PostAsync($"{J}/userlist/{node}", new { username = "www" })).Info());

        var rows = (await app.GetAsync($"{J}/userlist/{node}")).Rows();
        Assert.Equal(["id", "projectid", "username", "create_user", "create_time"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains(rows, r => r.Text("username") == "deploy_user-1" && r.GetProperty("projectid").GetInt64() == node);
        Assert.Contains(rows, r => r.Text("username") == global && r.GetProperty("projectid").GetInt64() == 0);
        Assert.Equal(["deploy_user-1"], (await app.GetAsync($"{J}/userlist/{node}?name=deploy")).Rows().Select(r => r.Text("username")));
        Assert.Empty((await app.GetAsync($"{J}/userlist/{node}?create_user=nobody")).Rows());

        Assert.Equal(@"check format fail username format error (?^:^[a-zA-Z0-9\-_]+$)", (await app.PostAsync($"{J}/userlist/{node}", new { username = "root; id" })).Info());
        Assert.Equal("check format fail username undef", (await app.PostAsync($"{J}/userlist/{node}", new { })).Info());
        Assert.Equal("check format fail username format error", (await app.PostAsync($"{J}/userlist/{node}", new { username = new string('a', 101) })).Info());

        var www = rows.Single(r => r.Text("username") == "www").GetProperty("id").GetInt64();
        Assert.True((await app.DeleteAsync($"{J}/userlist/{node}/{www}", new { })).Data().GetBoolean());
        Assert.DoesNotContain((await app.GetAsync($"{J}/userlist/{node}")).Rows(), r => r.Text("username") == "www");
        Assert.True((await app.PostAsync($"{J}/userlist/{node}", new { username = "www" })).Stat());

        var globalId = rows.Single(r => r.Text("username") == global).GetProperty("id").GetInt64();
        Assert.False((await app.DeleteAsync($"{J}/userlist/{node}/{globalId}", new { })).Data().GetBoolean());
        Assert.True((await app.DeleteAsync($"{J}/userlist/0/{globalId}", new { })).Data().GetBoolean());
        Assert.Single(await AuditAsync(product, "DEL USERLIST", $"TREEID:{node} USERNAME:www"));
    }

    [Fact]
    public async Task Notify_AddsListsAndDeletesRecipients()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        Assert.True((await app.PostAsync($"{J}/notify/{node}", new { user = "_" })).Data().GetBoolean());
        Assert.True((await app.PostAsync($"{J}/notify/{node}", new { user = "ops.team@example.com" })).Stat());
        Assert.Equal("_ already exists", (await app.PostAsync($"{J}/notify/{node}", new { user = "_" })).Info());
        Assert.Equal(@"check format fail user format error (?^:^[a-zA-Z0-9\.\@_\-]+$)", (await app.PostAsync($"{J}/notify/{node}", new { user = "a b" })).Info());
        Assert.Equal("check format fail user undef", (await app.PostAsync($"{J}/notify/{node}", new { })).Info());

        var rows = (await app.GetAsync($"{J}/notify/{node}")).Rows();
        Assert.Equal(["_", "ops.team@example.com"], rows.Select(r => r.Text("user")));
        Assert.Equal(["id", "user", "create_user", "create_time"], rows[0].EnumerateObject().Select(p => p.Name));

        Assert.True((await app.DeleteAsync($"{J}/notify/{node}/{rows[0].GetProperty("id").GetInt64()}", new { })).Data().GetBoolean());
        Assert.Equal(["ops.team@example.com"], (await app.GetAsync($"{J}/notify/{node}")).Rows().Select(r => r.Text("user")));
        Assert.Single(await AuditAsync(product, "ADD NOTIFY", $"TREEID:{node} USER:ops.team@example.com"));
        Assert.Single(await AuditAsync(product, "DEL NOTIFY", $"TREEID:{node} USER:_"));
    }

    [Fact]
    public async Task Project_IsActiveUntilSet_AndKeepsItsStatus()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var fresh = (await app.GetAsync($"{J}/project/{node}")).Data();
        Assert.Equal("active", fresh.Text("status"));
        Assert.Single(fresh.EnumerateObject());

        Assert.Equal("check format fail status need in active,inactive", (await app.PostAsync($"{J}/project/{node}", new { status = "paused" })).Info());
        Assert.Equal("check format fail status undef", (await app.PostAsync($"{J}/project/{node}", new { })).Info());
        Assert.Equal(1, (await app.PostAsync($"{J}/project/{node}", new { status = "inactive" })).Data().GetInt32());
        var stored = (await app.GetAsync($"{J}/project/{node}")).Data();
        Assert.Equal(node, stored.GetProperty("id").GetInt64());
        Assert.Equal("inactive", stored.Text("status"));
        Assert.Equal("ci@app", stored.Text("edit_user"));
        Assert.StartsWith(Today, stored.Text("edit_time"), StringComparison.Ordinal);

        Assert.True((await app.PostAsync($"{J}/project/{node}", new { status = "active" })).Stat());
        Assert.Equal("active", (await app.GetAsync($"{J}/project/{node}")).Data().Text("status"));

        using var reader = await UserAsync(product, node, 0);
        Assert.Equal("active", (await reader.GetAsync($"{J}/project/{node}")).Data().Text("status"));
        Assert.Equal("Unauthorized", (await reader.PostAsync($"{J}/project/{node}", new { status = "inactive" })).Info());
    }

    [Fact]
    public async Task Release_AnswersABareBoolean_WithoutLogin()
    {
        using var anonymous = product.Anonymous();
        var response = await anonymous.Http.GetAsync($"{J}/release?id=1,2");
        Assert.Equal("true", await response.Content.ReadAsStringAsync());

        Assert.Equal(@"check format fail id format error (?^:^\d[\d,]*$)", (await anonymous.GetAsync($"{J}/release?id=a")).Info());
        Assert.Equal("check format fail id undef", (await anonymous.GetAsync($"{J}/release")).Info());
    }

    [Fact]
    public async Task SmallApplication_CreatesReadsUpdatesAndDeletes()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var created = await app.PostAsync($"{J}/smallapplication", new { jobid = 12, type = "button", title = "Restart", describe = "restarts web", parameter = "", treeid = node });
        Assert.Equal(1, created.Data().GetInt32());
        var id = created.GetProperty("id").GetInt64();

        var one = (await app.GetAsync($"{J}/smallapplication/{id}")).Data();
        Assert.Equal(("12", "button", "Restart", "restarts web", "", node.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (one.Text("jobid"), one.Text("type"), one.Text("title"), one.Text("describe"), one.Text("parameter"), one.Text("treeid")));
        Assert.Equal("ci@app", one.Text("create_user"));
        Assert.Contains((await app.GetAsync($"{J}/smallapplication")).Rows(), r => r.GetProperty("id").GetInt64() == id);
        Assert.Contains((await app.GetAsync($"{J}/smallapplication/bytreeid/{node}")).Rows(), r => r.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain((await app.GetAsync($"{J}/smallapplication/bytreeid/{node + 100000}")).Rows(), r => r.GetProperty("id").GetInt64() == id);

        var duplicate = await app.PostAsync($"{J}/smallapplication", new { jobid = "012", type = "b", title = "t", describe = "d", parameter = "p", treeid = node });
        Assert.False(duplicate.Stat());

        Assert.Equal(1, (await app.PostAsync($"{J}/smallapplication/{id}", new { jobid = 13, type = "button", title = "Restart all", describe = "d", parameter = "x=1", treeid = node })).Data().GetInt32());
        var edited = (await app.GetAsync($"{J}/smallapplication/{id}")).Data();
        Assert.Equal(("13", "Restart all", "x=1"), (edited.Text("jobid"), edited.Text("title"), edited.Text("parameter")));

        Assert.True((await app.DeleteAsync($"{J}/smallapplication/{id}", new { })).Data().GetBoolean());
        Assert.Equal(JsonValueKind.Null, (await app.GetAsync($"{J}/smallapplication/{id}")).Data().ValueKind);
        Assert.False((await app.DeleteAsync($"{J}/smallapplication/{id}", new { })).Data().GetBoolean());
        Assert.Single(await AuditAsync(product, "CREATE SMALLAPPLICATION", "NAME:Restart"));
        Assert.Single(await AuditAsync(product, "DELETE SMALLAPPLICATION", "NAME:Restart all"));
    }

    [Fact]
    public async Task SmallApplication_ValidatesAndNeedsWriteOnItsNode()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        Assert.Equal(@"check format fail jobid format error (?^:^\d+$)", (await app.PostAsync($"{J}/smallapplication", new { jobid = "x", type = "t", title = "t", describe = "d", parameter = "p" })).Info());
        Assert.Equal("check format fail title undef", (await app.PostAsync($"{J}/smallapplication", new { jobid = 1, type = "t", describe = "d", parameter = "p" })).Info());
        Assert.Equal("check format fail title format error", (await app.PostAsync($"{J}/smallapplication", new { jobid = 1, type = "t", title = "it's", describe = "d", parameter = "p" })).Info());
        Assert.Equal(@"check format fail treeid format error (?^:^\d+$)", (await app.PostAsync($"{J}/smallapplication", new { jobid = 1, type = "t", title = "t", describe = "d", parameter = "p", treeid = "x" })).Info());

        using var ops = await UserAsync(product, node, 2);
        var mine = await ops.PostAsync($"{J}/smallapplication", new { jobid = 99, type = "t", title = "ops app", describe = "d", parameter = "p", treeid = node });
        Assert.True(mine.Stat(), mine.ToString());
        Assert.Equal("Unauthorized", (await ops.PostAsync($"{J}/smallapplication", new { jobid = 99, type = "t", title = "global", describe = "d", parameter = "p" })).Info());

        using var reader = await UserAsync(product, node, 0);
        var id = mine.GetProperty("id").GetInt64();
        Assert.Equal("ops app", (await reader.GetAsync($"{J}/smallapplication/{id}")).Data().Text("title"));
        Assert.Equal("Unauthorized", (await reader.PostAsync($"{J}/smallapplication/{id}", new { jobid = 99, type = "t", title = "mine now", describe = "d", parameter = "p", treeid = node })).Info());
        Assert.Equal("Unauthorized", (await reader.DeleteAsync($"{J}/smallapplication/{id}", new { })).Info());
        Assert.Equal("Unauthorized", (await ops.PostAsync($"{J}/smallapplication/{id}", new { jobid = 99, type = "t", title = "moved", describe = "d", parameter = "p", treeid = 0 })).Info());
        Assert.True((await ops.DeleteAsync($"{J}/smallapplication/{id}", new { })).Data().GetBoolean());
    }

    [Fact]
    public async Task Vv_ListsFiltersTabulatesAndDeletesByNode()
    {
        var node = await NewNodeAsync(product);
        var now = DateTime.Now;
        string At(int daysAgo) => now.AddDays(-daysAgo).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var rows = new (string Node, string Name, string Value, string Time)[]
        {
            ("10.0.0.1", "VERSION", "1.0", At(3)),
            ("10.0.0.2", "VERSION", "1.1", At(1)),
            ("10.0.0.3", "VERSION", "1.1", At(2)),
            ("10.0.0.1", "APP_web_VERSION", "Do_rollback", At(0)),
            ("10.0.0.2", "APP_web_VERSION", "w7", At(400)),
            ("10.0.0.3", "BUILD", "b9", At(5)),
        };
        foreach (var (host, name, value, time) in rows)
        {
            await ExecuteSqlAsync(
                product,
                "INSERT INTO openc3_job_vv (projectid, node, name, `value`, update_time) VALUES (@node, @host, @name, @value, @time)",
                new { node, host, name, value, time });
        }

        using var app = product.App();
        var all = (await app.GetAsync($"{J}/vv/{node}")).Rows();
        Assert.Equal(6, all.Count);
        Assert.Equal(["id", "node", "name", "value", "update_time"], all[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, (await app.GetAsync($"{J}/vv/{node}?name=VERSION")).Rows().Count);
        Assert.Empty((await app.GetAsync($"{J}/vv/{node}?name=VERS")).Rows());
        Assert.Equal(2, (await app.GetAsync($"{J}/vv/{node}?node=10.0.0.1&time_end={Today}")).Rows().Count);
        var recent = (await app.GetAsync($"{J}/vv/{node}?time_start={now.AddDays(-1):yyyy-MM-dd}")).Rows();
        Assert.Equal(["1.1", "Do_rollback"], recent.Select(r => r.Text("value")));

        var table = (await app.GetAsync($"{J}/vv/{node}/table?node=10.0.0.2")).Data();
        Assert.Equal("""[["NODE","APP_web_VERSION","VERSION"],["10.0.0.2","w7","1.1"]]""", table.GetRawText());
        var full = (await app.GetAsync($"{J}/vv/{node}/table")).Data();
        Assert.Equal("""["10.0.0.3",null,"b9","1.1"]""", full[3].GetRawText());

        Assert.Equal(["1.1", "1.0", "b9", "w7"], (await app.GetAsync($"{J}/vv/{node}/list")).Data().EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["w7"], (await app.GetAsync($"{J}/vv/{node}/list?appname=web")).Data().EnumerateArray().Select(v => v.GetString()));

        var shares = (await app.GetAsync($"{J}/vv/{node}/analysis/version")).Rows();
        Assert.Equal(["APP_web_VERSION", "VERSION"], shares.Select(s => s.Text("name")));
        Assert.Equal("""{"Do_rollback":"100.00"}""", shares[0].GetProperty("data").GetRawText());
        Assert.Equal("66.67", shares[1].GetProperty("data").Text("1.1"));
        Assert.Equal("33.33", shares[1].GetProperty("data").Text("1.0"));

        Assert.Equal(@"check format fail time_start format error (?^:^\d{4}\-\d{2}\-\d{2}$)", (await app.GetAsync($"{J}/vv/{node}?time_start=yesterday")).Info());
        Assert.Equal("delete success", (await app.DeleteAsync($"{J}/vv/{node}/10.0.0.1", new { })).Data().GetString());
        Assert.DoesNotContain((await app.GetAsync($"{J}/vv/{node}")).Rows(), r => r.Text("node") == "10.0.0.1");
        Assert.Equal(4, (await app.GetAsync($"{J}/vv/{node}")).Rows().Count);
        Assert.Single(await AuditAsync(product, "DELETE VV", $"TREEID:{node} NODE:10.0.0.1"));

        using var reader = await UserAsync(product, node, 0);
        Assert.Equal(4, (await reader.GetAsync($"{J}/vv/{node}")).Rows().Count);
        Assert.Equal("Unauthorized", (await reader.DeleteAsync($"{J}/vv/{node}/10.0.0.2", new { })).Info());
    }

    [Fact]
    public async Task UsersWithoutThePoint_GetUnauthorized()
    {
        var node = await NewNodeAsync(product);
        using var reader = await UserAsync(product, node, 0);
        using var stranger = await UserAsync(product, null, 0);
        foreach (var reply in new[]
        {
            await reader.PostAsync($"{J}/userlist/{node}", new { username = "x" }),
            await reader.DeleteAsync($"{J}/userlist/{node}/1", new { }),
            await reader.PostAsync($"{J}/notify/{node}", new { user = "x" }),
            await reader.DeleteAsync($"{J}/notify/{node}/1", new { }),
            await reader.PostAsync($"{J}/userlist/0", new { username = "x" }),
            await stranger.GetAsync($"{J}/userlist/{node}"),
            await stranger.GetAsync($"{J}/notify/{node}"),
            await stranger.GetAsync($"{J}/project/{node}"),
            await stranger.GetAsync($"{J}/vv/{node}"),
            await stranger.GetAsync($"{J}/vv/{node}/table"),
            await stranger.GetAsync($"{J}/vv/{node}/list"),
            await stranger.GetAsync($"{J}/vv/{node}/analysis/version"),
        })
        {
            Assert.Equal("Unauthorized", reply.Info());
        }
    }

    [Fact]
    public async Task NotLoggedIn_AnswersCode10000()
    {
        using var anonymous = product.Anonymous();
        foreach (var reply in new[]
        {
            await anonymous.GetAsync($"{J}/nodelist/1"),
            await anonymous.PostAsync($"{J}/nodelist/1", new { name = "1.1.1.1" }),
            await anonymous.GetAsync($"{J}/nodeinfo/1"),
            await anonymous.GetAsync($"{J}/nodeinfo/1/count"),
            await anonymous.GetAsync($"{J}/userlist/1"),
            await anonymous.PostAsync($"{J}/notify/1", new { user = "x" }),
            await anonymous.GetAsync($"{J}/project/1"),
            await anonymous.GetAsync($"{J}/smallapplication"),
            await anonymous.PostAsync($"{J}/smallapplication", new { jobid = 1 }),
            await anonymous.GetAsync($"{J}/vv/1"),
            await anonymous.DeleteAsync($"{J}/vv/1/x", new { }),
        })
        {
            Assert.False(reply.Stat());
            Assert.Equal(10000, reply.GetProperty("code").GetInt32());
        }
    }

    /// <summary>
    /// The connector module's table of tree resources, with the columns it creates, for a build without that
    /// module's schema (the inventory reads it only when it exists).
    /// </summary>
    private static string ConnectorNodeListTable(EmbeddedProduct product) =>
        $"""
        CREATE TABLE IF NOT EXISTS openc3_connector_nodelist (
            {(product.Settings["Storage:Provider"] == "mysql" ? "id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY" : "id INTEGER PRIMARY KEY AUTOINCREMENT")},
            projectid BIGINT NOT NULL, name VARCHAR(100) NOT NULL, inip VARCHAR(50) NOT NULL, exip VARCHAR(50) NOT NULL, type VARCHAR(30) NOT NULL,
            create_user VARCHAR(100) NOT NULL, create_time VARCHAR(20) NOT NULL, edit_user VARCHAR(100) NOT NULL, edit_time VARCHAR(20) NOT NULL,
            status VARCHAR(20) NOT NULL, UNIQUE (projectid, name))
        """;

    private static List<string> Names(JsonElement reply) => reply.Rows().Select(r => r.Text("name")).ToList();
}

[Collection(SharedProducts.SqliteApi)]
public sealed class SqliteJobResourceApiTests(EmbeddedProduct product) : JobResourceApiTests(product);

[Collection(SharedProducts.MariaDbApi)]
public sealed class MariaDbJobResourceApiTests(MariaDbEmbeddedProduct product) : JobResourceApiTests(product);
