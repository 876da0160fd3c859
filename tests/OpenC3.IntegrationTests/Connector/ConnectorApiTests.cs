using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Connector;

/// <summary>The built-in connector over HTTP, the way the web UI and other modules use it; run on both storage profiles.</summary>
public abstract class ConnectorApiTests(EmbeddedProduct product)
{
    private const string C = "/api/connector";

    [Fact]
    public async Task Login_SetsAnHttpOnlyLaxSessionCookie_AndAnswersOk()
    {
        using var browser = product.Anonymous();
        var response = await browser.Http.PostAsync($"{C}/default/user/login", Json(new { user = "open-c3", pass = EmbeddedProduct.AdminPassword }));
        var reply = await ApiClient.ReadAsync(response);
        Assert.True(reply.GetProperty("stat").GetBoolean());
        Assert.Equal("ok", reply.GetProperty("info").GetString());

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^sid=[A-Za-z0-9]{64};", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        // Neither the password nor the session id is ever written to the log.
        Assert.DoesNotContain(EmbeddedProduct.AdminPassword, product.Process.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.SessionId!, product.Process.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithWrongPassword_IsStatFalse_AndSetsNoCookie()
    {
        using var browser = product.Anonymous();
        var reply = await browser.LoginAsync("open-c3", "not-the-password");
        Assert.False(reply.GetProperty("stat").GetBoolean());
        Assert.Null(browser.SessionId);
        Assert.Equal(10000, (await browser.GetAsync("/api/job/environment")).GetProperty("code").GetInt32());
    }

    /// <summary>Deliberately not upstream's lock-out: wrong passwords make this client wait (answered at once), they never lock the account.</summary>
    [Fact]
    public async Task ThreeWrongPasswords_MakeThisClientWait_ThenTheRightOneWorks()
    {
        using var admin = await product.AdminAsync();
        var user = $"lock{Guid.NewGuid():N}"[..16];
        await AddUserAsync(admin, user, "right-password-1");
        using var browser = product.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("username or password error", (await browser.LoginAsync(user, "wrong")).GetProperty("info").GetString());
        }

        var waiting = await browser.LoginAsync(user, "right-password-1");
        Assert.False(waiting.GetProperty("stat").GetBoolean());
        Assert.Equal("too many failed logins, try again in 1 seconds", waiting.GetProperty("info").GetString());

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.True((await browser.LoginAsync(user, "right-password-1")).GetProperty("stat").GetBoolean());

        var audit = await admin.GetAsync($"{C}/connectorx/loginaudit?user={user}");
        Assert.Equal(3, audit.GetProperty("data").EnumerateArray().Count(r => r.GetProperty("action").GetString() == "pwErr"));
    }

    [Fact]
    public async Task Logout_EndsTheSession_EvenForACopiedCookie()
    {
        using var browser = await product.AdminAsync();
        var sessionId = browser.SessionId!;
        Assert.True((await browser.GetAsync("/api/job/environment")).GetProperty("stat").GetBoolean());

        var logout = await browser.GetAsync($"{C}/connectorx/ssologout");
        Assert.True(logout.GetProperty("stat").GetBoolean());
        Assert.Equal("ok", logout.GetProperty("info").GetString());

        using var copy = product.Anonymous();
        copy.UseSession(sessionId);
        Assert.Equal(10000, (await copy.GetAsync("/api/job/environment")).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task UserName_ResolvesCookies_AndAppKeys_ForOtherModules()
    {
        using var admin = await product.AdminAsync();
        using var anyone = product.Anonymous();
        var byCookie = await anyone.GetAsync($"{C}/connectorx/username?cookie={admin.SessionId}");
        Assert.Equal("open-c3", byCookie.GetProperty("data").GetProperty("user").GetString());
        Assert.Equal("default", byCookie.GetProperty("data").GetProperty("company").GetString());

        var byApp = await anyone.GetAsync($"{C}/connectorx/username?appname={EmbeddedProduct.AppName}&appkey={EmbeddedProduct.AppKey}");
        Assert.Equal($"{EmbeddedProduct.AppName}@app", byApp.GetProperty("data").GetProperty("user").GetString());
        Assert.Equal("@app", byApp.GetProperty("data").GetProperty("company").GetString());

        var unknown = await anyone.GetAsync($"{C}/connectorx/username?cookie={new string('x', 64)}");
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("data").GetProperty("user").ValueKind);

        Assert.Equal("sid", (await anyone.GetAsync($"{C}/connectorx/cookiekey")).GetProperty("data").GetString());
    }

    [Fact]
    public async Task SsoUserInfo_IsNotEnveloped_AndNeedsLogin()
    {
        using var admin = await product.AdminAsync();
        var info = await admin.GetAsync($"{C}/connectorx/sso/userinfo");
        Assert.False(info.TryGetProperty("stat", out _));
        Assert.Equal("OPEN-C3", info.GetProperty("name").GetString());
        Assert.Equal("open-c3", info.GetProperty("email").GetString());
        Assert.Equal(1, info.GetProperty("admin").GetInt32());

        using var anonymous = product.Anonymous();
        Assert.Equal(10000, (await anonymous.GetAsync($"{C}/connectorx/sso/userinfo")).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Redirects_NeverLeaveTheSite()
    {
        using var anyone = product.Anonymous();
        var login = await anyone.Http.GetAsync($"{C}/connectorx/sso/loginredirect?callback=https://evil.example/steal");
        Assert.Equal(302, (int)login.StatusCode);
        Assert.DoesNotContain("evil", login.Headers.Location!.ToString(), StringComparison.Ordinal);

        var local = await anyone.Http.GetAsync($"{C}/connectorx/sso/loginredirect?callback=/%23/home");
        Assert.Contains("callback=%2F%23%2Fhome", local.Headers.Location!.ToString(), StringComparison.Ordinal);

        foreach (var target in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example" })
        {
            var set = await anyone.Http.GetAsync($"{C}/connectorx/setcookie?cookie=abc&c3redirect={Uri.EscapeDataString(target)}");
            Assert.Equal(302, (int)set.StatusCode);
            Assert.Equal("/", set.Headers.Location!.ToString());
            Assert.False(set.Headers.Contains("Set-Cookie"), "a cookie that is not a live session must not be set");
        }
    }

    [Fact]
    public async Task Points_FollowLevels_AndInheritFromAncestors()
    {
        using var admin = await product.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var a = await AddNodeAsync(admin, null, $"a{suffix}");
        var b = await AddNodeAsync(admin, a, "b");
        var c = await AddNodeAsync(admin, b, "c");
        var dev = await UserWithGrantAsync(admin, $"dev{suffix}", a, 1);
        var ops = await UserWithGrantAsync(admin, $"ops{suffix}", b, 2);
        var reader = await UserWithGrantAsync(admin, $"rdr{suffix}", c, 0);
        var nobody = await UserWithGrantAsync(admin, $"nob{suffix}", null, 0);

        var expectations = new (string User, string Point, long Tree, int Allowed)[]
        {
            (dev, "openc3_job_read", a, 1), (dev, "openc3_job_read", c, 1), (dev, "openc3_job_control", c, 1),
            (dev, "openc3_job_write", b, 0), (dev, "openc3_job_root", a, 0),
            (ops, "openc3_job_read", a, 0), (ops, "openc3_job_write", b, 1), (ops, "openc3_job_delete", c, 1),
            (ops, "openc3_job_control", c, 1), (ops, "openc3_agent_write", c, 1), (ops, "openc3_job_root", b, 0),
            (reader, "openc3_job_read", c, 1), (reader, "openc3_job_control", c, 0), (reader, "openc3_job_read", b, 0),
            (nobody, "openc3_job_read", a, 0), (nobody, "openc3_job_read", 0, 1), (nobody, "openc3_job_write", 0, 0),
            ("open-c3", "openc3_job_write", c, 1), ("open-c3", "openc3_job_root", 0, 1), ("open-c3", "openc3_connector_delete", a, 1),
        };
        foreach (var (user, point, tree, allowed) in expectations)
        {
            Assert.Equal((user, point, tree, allowed), (user, point, tree, await PointAsync(admin, user, point, tree)));
        }
    }

    [Fact]
    public async Task RevokingAGrant_TakesEffectOnTheNextCheck()
    {
        using var admin = await product.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var node = await AddNodeAsync(admin, null, $"r{suffix}");
        var user = await UserWithGrantAsync(admin, $"rev{suffix}", node, 2);
        Assert.Equal(1, await PointAsync(admin, user, "openc3_job_write", node));

        var grants = (await admin.GetAsync($"{C}/default/auth/tree/userauth")).GetProperty("data").EnumerateArray();
        var grant = grants.Single(g => g.GetProperty("name").GetString() == user);
        Assert.Equal($"r{suffix}", grant.GetProperty("treename").GetString());
        Assert.True((await admin.DeleteAsync($"{C}/default/auth/tree/delauth", new { id = grant.GetProperty("id").GetInt64() })).GetProperty("stat").GetBoolean());
        Assert.Equal(0, await PointAsync(admin, user, "openc3_job_write", node));
    }

    [Fact]
    public async Task PrivateNodes_BelongToTheirOwnerOnly()
    {
        using var admin = await product.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var owner = await UserWithGrantAsync(admin, $"own.{suffix}", null, 0);
        var other = await UserWithGrantAsync(admin, $"oth{suffix}", null, 0);

        using var ownerBrowser = product.Anonymous();
        await ownerBrowser.LoginAsync(owner, "password-" + owner);
        var tree = (await ownerBrowser.GetAsync($"{C}/connectorx/usertree")).GetProperty("data").EnumerateArray().ToList();
        var privateRoot = tree.Single(n => n.GetProperty("id").GetInt64() == 4000000000);
        var mine = privateRoot.GetProperty("children").EnumerateArray().Single();
        Assert.Equal(owner, mine.GetProperty("name").GetString());
        var privateId = mine.GetProperty("id").GetInt64();
        Assert.True(privateId > 4000000000);

        Assert.Equal(1, await PointAsync(admin, owner, "openc3_job_write", privateId));
        Assert.Equal(0, await PointAsync(admin, other, "openc3_job_read", privateId));
        Assert.Equal(1, await PointAsync(admin, other, "openc3_job_read", 4000000000));
    }

    [Fact]
    public async Task UserTree_ShowsAUserOnlyTheirBranch()
    {
        using var admin = await product.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var top = await AddNodeAsync(admin, null, $"t{suffix}");
        var granted = await AddNodeAsync(admin, top, "mine");
        var below = await AddNodeAsync(admin, granted, "deeper");
        var sibling = await AddNodeAsync(admin, top, "theirs");
        var user = await UserWithGrantAsync(admin, $"ut{suffix}", granted, 1);

        using var browser = product.Anonymous();
        await browser.LoginAsync(user, "password-" + user);
        var map = (await browser.GetAsync($"{C}/connectorx/usertree/treemap")).GetProperty("data");
        var visible = map.EnumerateObject().Select(p => long.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Contains(top, visible);
        Assert.Contains(granted, visible);
        Assert.Contains(below, visible);
        Assert.DoesNotContain(sibling, visible);
        Assert.Equal($"t{suffix}.mine.deeper", map.GetProperty(below.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString());
    }

    [Fact]
    public async Task NonAdmins_GetUnauthorized_OnAdminRoutes()
    {
        using var admin = await product.AdminAsync();
        var user = await UserWithGrantAsync(admin, $"na{Guid.NewGuid():N}"[..14], null, 0);
        using var browser = product.Anonymous();
        await browser.LoginAsync(user, "password-" + user);

        foreach (var reply in new[]
        {
            await browser.GetAsync($"{C}/default/auth/userauth"),
            await browser.PostAsync($"{C}/default/auth/addauth", new { user, level = 3 }),
            await browser.GetAsync($"{C}/default/user/userlist"),
            await browser.PostAsync($"{C}/default/user/adduser", new { user = "mallory" }),
            await browser.GetAsync($"{C}/connectorx/auditlog"),
            await browser.PostAsync($"{C}/default/tree", new { name = "rogue" }),
            await browser.PostAsync("/api/job/environment", new { isPageFailSms = "false" }),
        })
        {
            Assert.False(reply.GetProperty("stat").GetBoolean());
            Assert.Equal("Unauthorized", reply.GetProperty("info").GetString());
        }

        Assert.Equal(0, await PointAsync(admin, user, "openc3_connector_root", 0));
    }

    [Fact]
    public async Task NotLoggedIn_EveryModuleAnswersCode10000()
    {
        using var anonymous = product.Anonymous();
        foreach (var path in new[] { "/api/job/environment", $"{C}/default/tree", $"{C}/connectorx/treemap", $"{C}/connectorx/auditlog", $"{C}/default/auth/userauth", $"{C}/private", "/api/agent/region/1", "/api/job/no-such-route" })
        {
            var reply = await anonymous.GetAsync(path);
            Assert.Equal((path, 10000), (path, reply.GetProperty("code").GetInt32()));
        }
    }

    [Fact]
    public async Task TreeChanges_AreValidated_LeafOnlyDeleted_AndAudited()
    {
        using var admin = await product.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var badName = await admin.PostAsync($"{C}/default/tree", new { name = "9starts-with-digit" });
        Assert.Equal("check format fail name format error (?^:^[A-Za-z][A-Za-z0-9_-]*$)", badName.GetProperty("info").GetString());

        var parent = await AddNodeAsync(admin, null, $"d{suffix}");
        var child = await AddNodeAsync(admin, parent, "leaf");
        var notLeaf = await admin.DeleteAsync($"{C}/default/tree/{parent}", new { });
        Assert.Equal("It's not a leaf node", notLeaf.GetProperty("info").GetString());
        Assert.True((await admin.DeleteAsync($"{C}/default/tree/{child}", new { })).GetProperty("stat").GetBoolean());
        Assert.True((await admin.DeleteAsync($"{C}/default/tree/{parent}", new { })).GetProperty("stat").GetBoolean());
        Assert.DoesNotContain((await admin.GetAsync($"{C}/connectorx/treemap")).GetProperty("data").EnumerateArray(), n => n.GetProperty("id").GetInt64() == parent);

        var audit = (await admin.GetAsync($"{C}/connectorx/auditlog?user=open-c3&content=NAME:d{suffix}")).GetProperty("data").EnumerateArray().ToList();
        var row = Assert.Single(audit);
        Assert.Equal("ADD TREE NODE", row.GetProperty("title").GetString());
        Assert.Equal("open-c3", row.GetProperty("user").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", row.GetProperty("time").GetString());
    }

    [Fact]
    public async Task ChangePassword_ReplacesTheOldOne()
    {
        using var admin = await product.AdminAsync();
        var user = await UserWithGrantAsync(admin, $"cp{Guid.NewGuid():N}"[..14], null, 0);
        using var browser = product.Anonymous();
        await browser.LoginAsync(user, "password-" + user);

        var mismatch = await browser.PostAsync($"{C}/default/user/chpasswd", new { old = "password-" + user, new1 = "brand-new-pass", new2 = "other-new-pass" });
        Assert.False(mismatch.GetProperty("stat").GetBoolean());
        var changed = await browser.PostAsync($"{C}/default/user/chpasswd", new { old = "password-" + user, new1 = "brand-new-pass", new2 = "brand-new-pass" });
        Assert.True(changed.GetProperty("stat").GetBoolean(), changed.ToString());

        using var again = product.Anonymous();
        Assert.False((await again.LoginAsync(user, "password-" + user)).GetProperty("stat").GetBoolean());
        Assert.True((await again.LoginAsync(user, "brand-new-pass")).GetProperty("stat").GetBoolean());
    }

    [Fact]
    public async Task AddedUser_GetsARandomPassword_WhenNoneIsGiven()
    {
        using var admin = await product.AdminAsync();
        var user = $"rnd{Guid.NewGuid():N}"[..14];
        var added = await admin.PostAsync($"{C}/default/user/adduser", new { user });
        var password = added.GetProperty("data").GetProperty("pass").GetString()!;
        Assert.True(password.Length >= 16);
        using var browser = product.Anonymous();
        Assert.True((await browser.LoginAsync(user, password)).GetProperty("stat").GetBoolean());

        var again = await admin.PostAsync($"{C}/default/user/adduser", new { user });
        Assert.Equal("user already exists", again.GetProperty("info").GetString());
        var list = (await admin.GetAsync($"{C}/default/user/userlist")).GetProperty("data").EnumerateArray();
        Assert.Contains(list, u => u.GetProperty("name").GetString() == user && u.GetProperty("pass").GetInt32() == 1);

        Assert.True((await admin.DeleteAsync($"{C}/default/user/deluser", new { user })).GetProperty("stat").GetBoolean());
        Assert.Equal(10000, (await browser.GetAsync("/api/job/environment")).GetProperty("code").GetInt32());
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static async Task<long> AddNodeAsync(ApiClient admin, long? parent, string name)
    {
        var reply = await admin.PostAsync(parent is null ? $"{C}/default/tree" : $"{C}/default/tree/{parent}", new { name });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("data").GetInt64();
    }

    private static async Task AddUserAsync(ApiClient admin, string user, string password)
    {
        var reply = await admin.PostAsync($"{C}/default/user/adduser", new { user, pass = password });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
    }

    /// <summary>Creates a user with password `password-&lt;user&gt;` and, when a node is given, a grant there.</summary>
    private static async Task<string> UserWithGrantAsync(ApiClient admin, string user, long? tree, int level)
    {
        await AddUserAsync(admin, user, "password-" + user);
        if (tree is not null)
        {
            var grant = await admin.PostAsync($"{C}/default/auth/tree/addauth", new { user, tree, level });
            Assert.True(grant.GetProperty("stat").GetBoolean(), grant.ToString());
        }

        return user;
    }

    /// <summary>Asks the connector as another module would: for the session of <paramref name="user"/>.</summary>
    private async Task<int> PointAsync(ApiClient admin, string user, string point, long tree)
    {
        string sessionId;
        if (user == "open-c3")
        {
            sessionId = admin.SessionId!;
        }
        else
        {
            using var browser = product.Anonymous();
            Assert.True((await browser.LoginAsync(user, "password-" + user)).GetProperty("stat").GetBoolean());
            sessionId = browser.SessionId!;
        }

        var reply = await admin.GetAsync($"{C}/connectorx/point?point={point}&treeid={tree}&cookie={sessionId}");
        return reply.GetProperty("data").GetInt32();
    }
}

[Collection(SharedProducts.SqliteApi)]
public sealed class SqliteConnectorApiTests(EmbeddedProduct product) : ConnectorApiTests(product);

[Collection(SharedProducts.MariaDbApi)]
public sealed class MariaDbConnectorApiTests(MariaDbEmbeddedProduct product) : ConnectorApiTests(product);
