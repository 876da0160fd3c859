using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Embedded;

/// <summary>Address book, notifications and inboxes, OA approval, node list, config, version and release, over HTTP.</summary>
public abstract class ConnectorResourcesApiTests(EmbeddedProduct product)
{
    protected const string Connector = "/api/connector";
    private const string UserPassword = "user-password-1";

    [Fact]
    public async Task AddressBook_WithoutLogin_AnswersCode10000_AndNonAdmin_IsUnauthorized()
    {
        using var anonymous = product.Anonymous();
        Assert.Equal(10000, (await anonymous.GetAsync($"{Connector}/useraddr")).GetProperty("code").GetInt32());

        using var bob = await NewUserAsync("ab-bob");
        AssertUnauthorized(await bob.GetAsync($"{Connector}/useraddr"));
        AssertUnauthorized(await bob.PostAsync($"{Connector}/useraddr", new { user = "ab-bob", email = "bob@mail.test", phone = "100" }));
    }

    [Fact]
    public async Task AddressBook_CreateReadUpdateDelete_AndEveryChangeIsAudited()
    {
        using var admin = await AdminAsync();
        AssertOk(await admin.PostAsync($"{Connector}/useraddr", new { user = "ab-alice", email = "alice@mail.test", phone = "13800000001" }));
        var entry = await AddressOfAsync(admin, "ab-alice");
        Assert.Equal("alice@mail.test", entry.GetProperty("email").GetString());
        Assert.Equal("13800000001", entry.GetProperty("phone").GetString());
        Assert.Equal(string.Empty, entry.GetProperty("voicemail").GetString());
        Assert.Equal("open-c3", entry.GetProperty("edit_user").GetString());
        var id = entry.GetProperty("id").GetInt64();

        AssertOk(await admin.PostAsync($"{Connector}/useraddr", new { id, user = "ab-alice", email = "alice2@mail.test", phone = "13800000002", voicemail = "vm-1" }));
        var one = Data(await admin.GetAsync($"{Connector}/useraddr/{id}"));
        Assert.Equal("alice2@mail.test", one.GetProperty("email").GetString());
        Assert.Equal("vm-1", one.GetProperty("voicemail").GetString());

        // Without an id, an entry for the same user replaces the existing one (upstream's REPLACE INTO).
        AssertOk(await admin.PostAsync($"{Connector}/useraddr", new { user = "ab-alice", email = "alice3@mail.test", phone = "https://open.feishu.cn/open-apis/bot/v2/hook/ab12-cd34" }));
        var replaced = await AddressOfAsync(admin, "ab-alice");
        Assert.Equal(id, replaced.GetProperty("id").GetInt64());
        Assert.Equal("alice3@mail.test", replaced.GetProperty("email").GetString());
        Assert.Equal("feishu-bot:ab12-cd34", replaced.GetProperty("phone").GetString());

        Assert.True((await admin.DeleteAsync($"{Connector}/useraddr/{id}", new { })).GetProperty("stat").GetBoolean());
        Assert.Equal("nofind the id", (await admin.GetAsync($"{Connector}/useraddr/{id}")).GetProperty("info").GetString());
        Assert.Equal("nofind the id", (await admin.DeleteAsync($"{Connector}/useraddr/{id}", new { })).GetProperty("info").GetString());

        var audit = await AuditAsync(admin, "USERADDR");
        Assert.Contains(audit, a => a.Title == "CREATE USERADDR" && a.Content == "USER:ab-alice" && a.User == "open-c3");
        Assert.Contains(audit, a => a.Title == "EDIT USERADDR" && a.Content == $"ID:{id} USER:ab-alice");
        Assert.Contains(audit, a => a.Title == "DELETE USERADDR" && a.Content == $"ID:{id} USER:ab-alice");
        Assert.DoesNotContain(audit, a => a.Content.Contains("mail.test", StringComparison.Ordinal) || a.Content.Contains("feishu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddressBook_BadInput_IsRefusedWithUpstreamMessages_AndNothingIsStored()
    {
        using var admin = await AdminAsync();
        var badEmail = await admin.PostAsync($"{Connector}/useraddr", new { user = "ab-carl", email = "carl at mail", phone = "1" });
        Assert.Equal(@"check format fail email format error (?^:^[a-zA-Z0-9\.\@_\-]+$)", badEmail.GetProperty("info").GetString());

        var noPhone = await admin.PostAsync($"{Connector}/useraddr", new { user = "ab-carl", email = "carl@mail.test" });
        Assert.Equal("check format fail phone undef", noPhone.GetProperty("info").GetString());

        var badId = await admin.GetAsync($"{Connector}/useraddr/x1");
        Assert.Equal(@"check format fail id format error (?^:^\d+$)", badId.GetProperty("info").GetString());

        var rows = Data(await admin.GetAsync($"{Connector}/useraddr")).EnumerateArray();
        Assert.DoesNotContain(rows, r => r.GetProperty("user").GetString() == "ab-carl");
    }

    [Fact]
    public async Task Notify_ResolvesUsersThroughTheAddressBook_AndTheOwnerReadsThemInTheirInbox()
    {
        using var admin = await AdminAsync();
        AssertOk(await admin.PostAsync($"{Connector}/useraddr", new { user = "nt-dora", email = "nt-dora-box@mail.test", phone = "13900000001" }));
        using var stranger = await NewUserAsync("nt-stranger");
        using var app = product.App();

        var sent = await app.PostAsync($"{Connector}/connectorx/notify", new
        {
            data = new object[]
            {
                new { type = "email", to = new[] { "nt-dora", "nt-stranger" }, title = "job 7 fail", content = "task abc fail" },
                new { type = "sms", to = "nt-dora,nt-stranger", mesg = "task abc fail" },
            },
        });
        Assert.True(sent.GetProperty("stat").GetBoolean(), sent.ToString());
        Assert.Equal("ok", sent.GetProperty("info").GetString());

        // Delivered under the address-book email and phone, not the user name: whoever logs in as that address reads it.
        using var mailbox = await NewUserAsync("nt-dora-box@mail.test");
        var delivered = Assert.Single(Data(await mailbox.GetAsync($"{Connector}/default/mail")).EnumerateArray(), m => m.GetProperty("title").GetString() == "job 7 fail");
        Assert.Equal("task abc fail", delivered.GetProperty("content").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", delivered.GetProperty("time").GetString()!);
        using var phone = await NewUserAsync("13900000001");
        Assert.Single(Data(await phone.GetAsync($"{Connector}/default/mesg")).EnumerateArray(), m => m.GetProperty("mesg").GetString() == "task abc fail");

        // A known user without an entry gets it under their login name.
        Assert.Single(Data(await stranger.GetAsync($"{Connector}/default/mesg")).EnumerateArray(), m => m.GetProperty("mesg").GetString() == "task abc fail");
        Assert.Single(Data(await stranger.GetAsync($"{Connector}/default/mail")).EnumerateArray(), m => m.GetProperty("title").GetString() == "job 7 fail");

        // The user behind an address-book entry reads what was sent to their addresses; nobody else does.
        using var dora = await NewUserAsync("nt-dora");
        Assert.Single(Data(await dora.GetAsync($"{Connector}/default/mail")).EnumerateArray(), m => m.GetProperty("title").GetString() == "job 7 fail");
        Assert.Single(Data(await dora.GetAsync($"{Connector}/default/mesg")).EnumerateArray(), m => m.GetProperty("mesg").GetString() == "task abc fail");
        using var eve = await NewUserAsync("nt-eve");
        Assert.Empty(Data(await eve.GetAsync($"{Connector}/default/mail")).EnumerateArray());

        Assert.Contains(await AuditAsync(admin, "NOTIFY"), a => a.User == "ci@app" && a.Content == "EMAIL TO:nt-dora,nt-stranger; SMS TO:nt-dora,nt-stranger");
    }

    /// <summary>The open relay: a caller hands the platform an outside address (or hundreds) to mail or text in its name.</summary>
    [Fact]
    public async Task Notify_ToAnOutsideAddress_IsRefused_AndNothingIsKeptForIt()
    {
        using var app = product.App();
        var outside = await app.PostAsync($"{Connector}/connectorx/notify", new
        {
            data = new object[]
            {
                new { type = "email", to = new[] { "open-c3", "or-victim@outside.example" }, title = "or-phish", content = "reset your password at evil.example" },
                new { type = "sms", to = "or-victim-phone", mesg = "or-phish" },
            },
        });
        Assert.False(outside.GetProperty("stat").GetBoolean());
        Assert.Equal(
            "Err: run plugin fail: unknown recipient or-victim@outside.example [idx:1];run plugin fail: unknown recipient or-victim-phone [idx:2]",
            outside.GetProperty("info").GetString());

        var crowd = Enumerable.Range(0, 101).Select(i => $"or-crowd{i}").ToArray();
        Assert.Equal(
            "too many recipients, at most 100 in one request",
            (await app.PostAsync($"{Connector}/connectorx/notify", new { data = new object[] { new { type = "sms", to = crowd, mesg = "or-phish" } } })).GetProperty("info").GetString());

        // Nothing was kept for the outside addresses, nor for the known user named beside one.
        using var victim = await NewUserAsync("or-victim@outside.example");
        Assert.Empty(Data(await victim.GetAsync($"{Connector}/default/mail")).EnumerateArray());
        using var victimPhone = await NewUserAsync("or-victim-phone");
        Assert.Empty(Data(await victimPhone.GetAsync($"{Connector}/default/mesg")).EnumerateArray());
        using var admin = await AdminAsync();
        Assert.DoesNotContain(Data(await admin.GetAsync($"{Connector}/default/mail")).EnumerateArray(), m => m.GetProperty("title").GetString() == "or-phish");
    }

    [Fact]
    public async Task Notify_NeedsTheGlobalConnectorRootPoint_ALoginAloneIsUnauthorized()
    {
        using var mallory = await NewUserAsync("np-mallory");
        AssertUnauthorized(await mallory.PostAsync($"{Connector}/connectorx/notify", new
        {
            data = new object[] { new { type = "email", to = new[] { "open-c3" }, title = "np-from-mallory", content = "x" } },
        }));

        using var admin = await AdminAsync();
        AssertOk(await admin.PostAsync($"{Connector}/connectorx/notify", new
        {
            data = new object[] { new { type = "email", to = new[] { "np-mallory" }, title = "np-from-admin", content = "x" } },
        }));
        var titles = Data(await mallory.GetAsync($"{Connector}/default/mail")).EnumerateArray().Select(m => m.GetProperty("title").GetString()).ToList();
        Assert.Equal(["np-from-admin"], titles);
        Assert.DoesNotContain(Data(await admin.GetAsync($"{Connector}/default/mail")).EnumerateArray(), m => m.GetProperty("title").GetString() == "np-from-mallory");
    }

    [Fact]
    public async Task Notify_BadItems_AreReportedWithTheirIndex_WhileGoodItemsAreDelivered()
    {
        using var app = product.App();
        Assert.Equal("no data", (await app.PostAsync($"{Connector}/connectorx/notify", new { data = "x" })).GetProperty("info").GetString());

        var reply = await app.PostAsync($"{Connector}/connectorx/notify", new
        {
            data = new object[]
            {
                new { type = "email", to = new[] { "open-c3" }, title = "nb-good", content = "delivered" },
                new { type = "fax", to = new[] { "open-c3" } },
                new { to = new[] { "open-c3" } },
                "not an object",
                new { type = "sms", to = "open-c3" },
            },
        });
        Assert.False(reply.GetProperty("stat").GetBoolean());
        Assert.Equal("Err: nofind plugin fax [idx:2];type undef [idx:3];format error [idx:4];run plugin fail: mesg undef [idx:5]", reply.GetProperty("info").GetString());
        using var admin = await AdminAsync();
        Assert.Contains(Data(await admin.GetAsync($"{Connector}/default/mail")).EnumerateArray(), m => m.GetProperty("title").GetString() == "nb-good");
    }

    [Fact]
    public async Task BuiltInExits_TakeMessagesFromAppsAndAdmins_Only_AndInboxIsNewestFirst()
    {
        using var frank = await NewUserAsync("ex-frank");
        AssertUnauthorized(await frank.PostAsync($"{Connector}/default/mail", new { user = "ex-frank", title = "t", content = "c" }));
        AssertUnauthorized(await frank.PostAsync($"{Connector}/default/mesg", new { user = "ex-frank", mesg = "m" }));

        using var app = product.App();
        Assert.Equal("check format fail title undef", (await app.PostAsync($"{Connector}/default/mail", new { user = "ex-frank", content = "c" })).GetProperty("info").GetString());
        AssertOk(await app.PostAsync($"{Connector}/default/mail", new { user = "ex-frank", title = "first", content = "1" }));
        AssertOk(await app.PostAsync($"{Connector}/default/mail", new { user = "ex-frank", title = "second", content = "2" }));
        AssertOk(await app.PostAsync($"{Connector}/default/mesg", new { user = "ex-frank", mesg = "hello" }));

        var titles = Data(await frank.GetAsync($"{Connector}/default/mail")).EnumerateArray().Select(m => m.GetProperty("title").GetString()).ToList();
        Assert.Equal(["second", "first"], titles);
        Assert.Equal("hello", Assert.Single(Data(await frank.GetAsync($"{Connector}/default/mesg")).EnumerateArray()).GetProperty("mesg").GetString());
    }

    [Fact]
    public async Task Approval_IsCreatedUnconfirmed_AndUnknownIdsAreRefused()
    {
        using var app = product.App();
        var created = await app.PostAsync($"{Connector}/connectorx/approval", new { content = "deploy v2 to prod?", submitter = "ap-gina", approver = "ap-hank" });
        var uuid = Data(created).GetString()!;
        Assert.Matches("^[A-Za-z0-9]{11}[a-z]$", uuid);

        var state = Data(await app.GetAsync($"{Connector}/connectorx/approval?uuid={uuid}"));
        Assert.Equal("unconfirmed", state.GetProperty("status").GetString());
        Assert.Equal("null", state.GetProperty("reason").GetString());

        Assert.False((await app.GetAsync($"{Connector}/connectorx/approval?uuid=nosuchuuid00a")).GetProperty("stat").GetBoolean());
        Assert.Equal("check format fail uuid undef", (await app.GetAsync($"{Connector}/connectorx/approval")).GetProperty("info").GetString());
        Assert.Equal(@"check format fail approver format error (?^:^[a-zA-Z0-9\@_\.\-]+$)",
            (await app.PostAsync($"{Connector}/connectorx/approval", new { content = "x", submitter = "ap-gina", approver = "a b" })).GetProperty("info").GetString());

        // A person may raise approvals only in their own name.
        using var gina = await NewUserAsync("ap-gina");
        AssertUnauthorized(await gina.PostAsync($"{Connector}/connectorx/approval", new { content = "x", submitter = "ap-hank", approver = "ap-gina" }));
        Assert.Matches("^[A-Za-z0-9]{12}$", Data(await gina.PostAsync($"{Connector}/connectorx/approval", new { content = "x", submitter = "ap-gina", approver = "ap-hank" })).GetString()!);

        using var admin = await AdminAsync();
        Assert.Contains(await AuditAsync(admin, "CREATE APPROVAL"), a => a.User == "ci@app" && a.Content == "SUBMITTER:ap-gina APPROVER:ap-hank");
    }

    [Fact]
    public async Task Nodes_AddListDelete_ClassifyAddresses_AndFeedNodeInfo()
    {
        using var admin = await AdminAsync();
        var tree = Data(await admin.PostAsync($"{Connector}/default/tree", new { name = "nodes" })).GetInt64();

        AssertTrue(await admin.PostAsync($"{Connector}/default/node/{tree}", new { name = "10.1.2.3" }));
        AssertTrue(await admin.PostAsync($"{Connector}/default/node/{tree}", new { name = "8.8.8.8" }));
        AssertTrue(await admin.PostAsync($"{Connector}/default/node/{tree}", new { name = "192.168.0.9" }));
        Assert.Equal("10.1.2.3 already exists", (await admin.PostAsync($"{Connector}/default/node/{tree}", new { name = "10.1.2.3" })).GetProperty("info").GetString());

        var nodes = Data(await admin.GetAsync($"{Connector}/default/node/{tree}")).EnumerateArray().ToList();
        Assert.Equal(["10.1.2.3", "8.8.8.8", "192.168.0.9"], nodes.Select(n => n.GetProperty("name").GetString()));
        Assert.Equal(["10.1.2.3", "", "192.168.0.9"], nodes.Select(n => n.GetProperty("inip").GetString()));
        Assert.Equal(["", "8.8.8.8", ""], nodes.Select(n => n.GetProperty("exip").GetString()));
        Assert.All(nodes, n => Assert.Equal("idc", n.GetProperty("type").GetString()));
        Assert.All(nodes, n => Assert.Equal("open-c3", n.GetProperty("create_user").GetString()));

        foreach (var view in new[] { $"/default/node/api/{tree}", $"/connectorx/nodeinfo/{tree}" })
        {
            var numbered = Data(await admin.GetAsync(Connector + view)).EnumerateArray().ToList();
            Assert.Equal([0, 1, 2], numbered.Select(n => n.GetProperty("id").GetInt32()));
            Assert.Equal("8.8.8.8", numbered[1].GetProperty("exip").GetString());
        }

        var first = nodes[0].GetProperty("id").GetInt64();
        AssertTrue(await admin.DeleteAsync($"{Connector}/default/node/{tree}/{first}", new { }));
        Assert.Equal("nofind the id", (await admin.DeleteAsync($"{Connector}/default/node/{tree}/{first}", new { })).GetProperty("info").GetString());
        Assert.Equal(2, Data(await admin.GetAsync($"{Connector}/default/node/{tree}")).GetArrayLength());
        AssertTrue(await admin.PostAsync($"{Connector}/default/node/{tree}", new { name = "10.1.2.3" }));

        var audit = await AuditAsync(admin, "NODE");
        Assert.Contains(audit, a => a.Title == "ADD NODE" && a.Content == $"projectid:{tree} name:8.8.8.8");
        Assert.Contains(audit, a => a.Title == "DEL NODE" && a.Content == $"projectid:{tree} id:{first}");
    }

    [Fact]
    public async Task Nodes_BadInput_AndPermissions()
    {
        using var admin = await AdminAsync();
        var tree = Data(await admin.PostAsync($"{Connector}/default/tree", new { name = "nodeperm" })).GetInt64();
        var ipError = @"check format fail name format error (?^:^\d+\.\d+\.\d+\.\d+$)";
        Assert.Equal(ipError, (await admin.PostAsync($"{Connector}/default/node/{tree}", new { name = "host-1" })).GetProperty("info").GetString());
        Assert.Equal(ipError, (await admin.PostAsync($"{Connector}/default/node/{tree}", new { name = "10.0.0.256" })).GetProperty("info").GetString());
        Assert.Equal(@"check format fail treeid format error (?^:^\d+$)", (await admin.GetAsync($"{Connector}/default/node/7a")).GetProperty("info").GetString());

        using var ivan = await NewUserAsync("nd-ivan");
        AssertUnauthorized(await ivan.GetAsync($"{Connector}/default/node/{tree}"));
        AssertUnauthorized(await ivan.GetAsync($"{Connector}/connectorx/nodeinfo/{tree}"));

        // Level 0 on the node: may read its resources, not change them.
        AssertOk(await admin.PostAsync($"{Connector}/default/auth/tree/addauth", new { user = "nd-ivan", tree, level = 0 }));
        Assert.True((await ivan.GetAsync($"{Connector}/default/node/{tree}")).GetProperty("stat").GetBoolean());
        AssertUnauthorized(await ivan.PostAsync($"{Connector}/default/node/{tree}", new { name = "10.9.9.9" }));
        AssertTrue(await admin.PostAsync($"{Connector}/default/node/{tree}", new { name = "10.9.9.9" }));
        var id = Data(await ivan.GetAsync($"{Connector}/default/node/{tree}"))[0].GetProperty("id").GetInt64();
        AssertUnauthorized(await ivan.DeleteAsync($"{Connector}/default/node/{tree}/{id}", new { }));

        // Private nodes hold no resources.
        using var app = product.App();
        Assert.Equal(0, Data(await app.GetAsync($"{Connector}/connectorx/nodeinfo/4000000001")).GetArrayLength());
    }

    [Fact]
    public async Task Config_DefaultsOverridesAndList_AreAdminOnly()
    {
        using var judy = await NewUserAsync("cf-judy");
        AssertUnauthorized(await judy.GetAsync($"{Connector}/config"));
        AssertUnauthorized(await judy.PostAsync($"{Connector}/config", new { usermail = "x" }));

        using var admin = await AdminAsync();
        var defaults = Data(await admin.GetAsync($"{Connector}/config"));
        Assert.Equal("sid", defaults.GetProperty("cookiekey").GetString());
        Assert.Equal("/api/connector/default/mesg", defaults.GetProperty("usermesg").GetString());

        AssertOk(await admin.PostAsync($"{Connector}/config", new { usermail = "http://mail-bridge.test/send" }));
        AssertOk(await admin.PostAsync($"{Connector}/config", new { config = new { approver = "http://oa.test/approval" } }));
        var settings = Data(await admin.GetAsync($"{Connector}/config"));
        Assert.Equal("http://mail-bridge.test/send", settings.GetProperty("usermail").GetString());
        Assert.Equal("http://oa.test/approval", settings.GetProperty("approver").GetString());

        // config.controller.js: the list's entries are option values, each read back with GET /config?name=<entry>.
        var versions = Data(await admin.GetAsync($"{Connector}/config/list")).EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(["current"], versions);
        Assert.Equal("http://mail-bridge.test/send", Data(await admin.GetAsync($"{Connector}/config?name={versions[0]}")).GetProperty("usermail").GetString());
        Assert.Equal("load config fail: only the current settings are kept", (await admin.GetAsync($"{Connector}/config?name=20240101000000")).GetProperty("info").GetString());

        Assert.Equal("cookiekey is fixed: sid", (await admin.PostAsync($"{Connector}/config", new { cookiekey = "token" })).GetProperty("info").GetString());
        Assert.Equal("check format fail bad-key format error (?^:^[a-zA-Z0-9_]{1,100}$)",
            (await admin.PostAsync($"{Connector}/config", new Dictionary<string, object> { ["bad-key"] = 1 })).GetProperty("info").GetString());
        Assert.Equal("check format fail nested format error", (await admin.PostAsync($"{Connector}/config", new { nested = new { a = 1 } })).GetProperty("info").GetString());

        var audit = await AuditAsync(admin, "EDIT CONNECTOR CONFIG");
        Assert.Contains(audit, a => a.Content == "KEYS:usermail");
        Assert.DoesNotContain(audit, a => a.Content.Contains("mail-bridge", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Version_NamesTheProductAndBuild_AndHasAChangeLog()
    {
        using var app = product.App();
        var name = Data(await app.GetAsync($"{Connector}/version/name"));
        Assert.Matches(@"^OpenC3\.Orleans \d+\.\d+\.\d+", name.GetProperty("name").GetString()!);
        Assert.Matches("^[0-9a-f]{32}$", name.GetProperty("uuid").GetString()!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", name.GetProperty("time").GetString()!);
        Assert.Equal(name.GetProperty("uuid").GetString(), Data(await app.GetAsync($"{Connector}/version/name")).GetProperty("uuid").GetString());

        var log = Data(await app.GetAsync($"{Connector}/version/log")).EnumerateArray().ToList();
        Assert.NotEmpty(log);
        Assert.All(log, l => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", l.GetProperty("time").GetString()!));
        Assert.All(log, l => Assert.False(string.IsNullOrWhiteSpace(l.GetProperty("mesg").GetString())));
    }

    private Task<ApiClient> AdminAsync() => product.AdminAsync();

    /// <summary>A fresh built-in user without any grant, logged in.</summary>
    private async Task<ApiClient> NewUserAsync(string user)
    {
        using (var admin = await AdminAsync())
        {
            var added = await admin.PostAsync($"{Connector}/default/user/adduser", new { user, pass = UserPassword });
            Assert.True(added.GetProperty("stat").GetBoolean(), added.ToString());
        }

        return await LoginAsync(user, UserPassword);
    }

    private async Task<ApiClient> LoginAsync(string user, string pass)
    {
        var client = product.Anonymous();
        var reply = await client.PostAsync($"{Connector}/default/user/login", new { user, pass });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return client;
    }

    private static async Task<JsonElement> AddressOfAsync(ApiClient admin, string user) =>
        Assert.Single(Data(await admin.GetAsync($"{Connector}/useraddr")).EnumerateArray(), r => r.GetProperty("user").GetString() == user);

    private static async Task<List<(string User, string Title, string Content)>> AuditAsync(ApiClient admin, string title) =>
        Data(await admin.GetAsync($"{Connector}/connectorx/auditlog?title={Uri.EscapeDataString(title)}")).EnumerateArray()
            .Select(a => (a.GetProperty("user").GetString()!, a.GetProperty("title").GetString()!, a.GetProperty("content").GetString()!))
            .ToList();

    [Fact]
    public async Task Release_IsABareBoolean_FalseOnlyWhileANodeHasAnAvailableCrontab()
    {
        using var app = product.App();
        Assert.Equal("true", await RawAsync(app, $"{Connector}/release?id=71,72"));
        Assert.Equal("check format fail id undef", (await app.GetAsync($"{Connector}/release")).GetProperty("info").GetString());
        Assert.Equal(@"check format fail id format error (?^:^\d[\d,]*$)", (await app.GetAsync($"{Connector}/release?id=,71")).GetProperty("info").GetString());

        // Real jobs on the two nodes; the first node's crontab is switched on, the second's stays off.
        var crontabs = new List<long>();
        foreach (var node in new[] { 71, 72 })
        {
            var created = await app.PostAsync($"/api/job/jobs/{node}", new
            {
                name = $"release-{node}",
                permanent = 1,
                data = new[] { new { plugin_type = "cmd", name = "noop", user = "root", node_type = "builtin", node_cont = "10.0.0.1", scripts_type = "shell", scripts_cont = "true" } },
            });
            Assert.True(created.GetProperty("stat").GetBoolean(), created.ToString());
            var crontab = await app.PostAsync($"/api/job/crontab/{node}", new { name = "yearly", jobuuid = created.GetProperty("uuid").GetString(), cron = "0 3 1 1 *", mutex = "" });
            crontabs.Add(crontab.GetProperty("id").GetInt64());
        }

        Assert.True((await app.PostAsync($"/api/job/crontab/71/{crontabs[0]}/status", new { status = "available" })).GetProperty("stat").GetBoolean());
        Assert.Equal("false", await RawAsync(app, $"{Connector}/release?id=71"));
        Assert.Equal("false", await RawAsync(app, $"{Connector}/release?id=72,71"));
        Assert.Equal("true", await RawAsync(app, $"{Connector}/release?id=72"));

        Assert.True((await app.PostAsync($"/api/job/crontab/71/{crontabs[0]}/status", new { status = "unavailable" })).GetProperty("stat").GetBoolean());
        Assert.Equal("true", await RawAsync(app, $"{Connector}/release?id=71"));
    }

    private static async Task<string> RawAsync(ApiClient client, string path)
    {
        var response = await client.Http.GetAsync(path);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static JsonElement Data(JsonElement reply)
    {
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("data");
    }

    private static void AssertOk(JsonElement reply)
    {
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
    }

    private static void AssertTrue(JsonElement reply) => Assert.True(Data(reply).GetBoolean(), reply.ToString());

    private static void AssertUnauthorized(JsonElement reply)
    {
        Assert.False(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        Assert.Equal("Unauthorized", reply.GetProperty("info").GetString());
    }
}

[Collection(SharedProducts.SqliteApi)]
public sealed class SqliteConnectorResourcesApiTests(EmbeddedProduct product) : ConnectorResourcesApiTests(product);

[Collection(SharedProducts.MariaDbApi)]
public sealed class MariaDbConnectorResourcesApiTests(MariaDbEmbeddedProduct product) : ConnectorResourcesApiTests(product);
