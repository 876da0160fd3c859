using System.Security.Cryptography;
using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Embedded;

/// <summary>
/// Requests exactly as the upstream web UI (c3-front v2.6.1) sends them, each test naming the controller it
/// replays, and the fields of the reply that page reads, with the types it needs.
/// </summary>
public sealed class WebUiFlowTests(WebUiProduct product) : IClassFixture<WebUiProduct>
{
    private const string C = "/api/connector";

    /// <summary>AngularJS `$http` asks for JSON; only the c3 CLI asks for the bytes.</summary>
    private const string AngularAccept = "application/json, text/plain, */*";

    [Fact]
    public async Task FileController_UploadsThroughUploadv2_AndDownloadsInTwoSteps()
    {
        var node = await NewNodeAsync(product);
        var (user, browser) = await NamedUserAsync(product, node, 2);
        using (browser)
        {
            // file.controller.js upForm: POST /api/job/uploadv2/fileserver/<treeid>, multipart, field `file`; it reads data.stat.
            var upload = await browser.Http.PostAsync($"{J}/uploadv2/fileserver/{node}", Multipart("report.csv", "a,b\n1,2\n"));
            Assert.Equal(1, (await ApiClient.ReadAsync(upload)).Data().GetInt32());
            var row = (await browser.GetAsync($"{J}/fileserver/{node}")).Rows().Single();
            Assert.Equal(("report.csv", user), (row.Text("name"), row.Text("create_user")));
            Assert.Single(await AuditAsync(product, "USER UPLOAD FILE", $"TREEID:{node} FILENAME:report.csv"));

            // downloadFile(): GET …/download?name= answers data = a link name; window.open('/api/job/download/' + data).
            var link = await LinkAsync(browser, node, "report.csv");
            Assert.Matches("^[0-9a-f]{32}$", link);
            Assert.NotEqual(link, await LinkAsync(browser, node, "report.csv"));
            Assert.Equal("notfind the file", (await AskAsync(browser, $"{J}/fileserver/{node}/download?name=missing.csv")).Info());

            // The new window is a plain navigation: no login is needed for the link itself.
            using var window = product.Anonymous();
            var file = await window.Http.GetAsync($"{J}/download/{link}");
            Assert.Equal("a,b\n1,2\n", await file.Content.ReadAsStringAsync());
            Assert.Equal("text/csv", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("report.csv", file.Content.Headers.ContentDisposition.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);

            // A guessed or malformed link opens nothing.
            foreach (var guess in new[] { Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), "..%2F..%2Fetc%2Fpasswd", link.ToUpperInvariant() })
            {
                Assert.Equal("the download link is unknown or has expired", (await window.GetAsync($"{J}/download/{guess}")).Info());
            }

            // The link stands for the node's file by name: deleting the file closes it.
            var doomed = await LinkAsync(browser, node, "report.csv");
            Assert.True((await browser.DeleteAsync($"{J}/fileserver/{node}/{row.GetProperty("id").GetInt64()}", new { })).Data().GetBoolean());
            Assert.Equal("notfind the file", (await window.GetAsync($"{J}/download/{doomed}")).Info());
        }
    }

    [Fact]
    public async Task DownloadLinks_Expire()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        Assert.True((await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/uploadv2/fileserver/{node}", Multipart("short.txt", "short-lived")))).Stat());
        var link = await LinkAsync(app, node, "short.txt");
        using var window = product.Anonymous();
        Assert.Equal("short-lived", await (await window.Http.GetAsync($"{J}/download/{link}")).Content.ReadAsStringAsync());

        var refused = await Eventually.WaitAsync(
            () => window.GetAsync($"{J}/download/{link}"),
            reply => reply.Info() is not null,
            TimeSpan.FromSeconds(WebUiProduct.LinkSeconds + 15),
            "the link to expire");
        Assert.Equal("the download link is unknown or has expired", refused.Info());
    }

    [Fact]
    public async Task TokenDialog_CurlUploadsThroughUploadv2_WithAndWithoutCheckmd5()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var token = (await app.PostAsync($"{J}/token/{node}", new { describe = "curl", isjob = 0, jobname = "" })).Text("token");
        using var curl = product.Anonymous();

        // file/token.html: curl -X POST …/api/job/uploadv2/fileserver/<id>/upload -F "file=@/tmp/xxx.txt" -H 'token: …'
        Assert.Equal(1, (await TokenUploadAsync(curl, $"{J}/uploadv2/fileserver/{node}/upload", token, "plain.txt", "plain")).Data().GetInt32());
        // 严格上传: the same with ?checkmd5=<md5 of the file>.
        var md5 = Convert.ToHexStringLower(MD5.HashData("strict"u8));
        Assert.Equal(1, (await TokenUploadAsync(curl, $"{J}/uploadv2/fileserver/{node}/upload?checkmd5={md5}", token, "strict.txt", "strict")).Data().GetInt32());
        Assert.Equal("md5 not match", (await TokenUploadAsync(curl, $"{J}/uploadv2/fileserver/{node}/upload?checkmd5={md5}", token, "other.txt", "other")).Info());
        Assert.Equal("not authorized", (await TokenUploadAsync(curl, $"{J}/uploadv2/fileserver/{node}/upload", new string('x', 32), "x.txt", "x")).Info());

        Assert.Equal(["plain.txt", "strict.txt"], (await app.GetAsync($"{J}/fileserver/{node}")).Rows().Select(f => f.Text("name")).Order(StringComparer.Ordinal));
        Assert.Single(await AuditAsync(product, "TOKEN UPLOAD FILE", $"TREEID:{node} FILENAME:strict.txt"));
    }

    [Fact]
    public async Task TreeController_ComparesTheReleaseAnswer_WithTheString_true()
    {
        var node = await NewNodeAsync(product);
        using var browser = await UserAsync(product, node, 0);
        using var anonymous = product.Anonymous();

        // tree.controller.js: $http.get('/api/connector/release?id=' + nodeId).success(data => data == 'true').
        // AngularJS parses application/json into a boolean (never == 'true'); text/plain stays the string.
        foreach (var (client, path) in new[] { (browser, $"{C}/release?id={node}"), (anonymous, $"{J}/release?id={node}") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd(AngularAccept);
            var reply = await client.Http.SendAsync(request);
            Assert.Equal("text/plain", reply.Content.Headers.ContentType!.MediaType);
            Assert.Equal("true", await reply.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Navbar_ShowsTheMenusOfTheModulesServedHere_AndNoOthers()
    {
        using var browser = await UserAsync(product, null, 0);
        var info = await browser.GetAsync($"{C}/connectorx/sso/userinfo");

        // navbar.html: ng-if="nav.user.menu['业务管理.作业管理'] == 1 || … == 2"; the values are upstream's strings.
        var menu = info.GetProperty("menu").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.All(menu.Values, value => Assert.Equal("1", value.GetString()));
        foreach (var served in new[]
        {
            "业务管理", "业务管理.作业管理", "业务管理.文件管理", "业务管理.脚本管理", "业务管理.定时作业", "业务管理.代理设置", "快速执行.脚本执行",
            "快速执行.发起审批", "快速执行.文件发送", "执行历史.作业任务", "轻应用", "我的.我的审批", "我的.修改密码", "我的.登出",
        })
        {
            Assert.True(menu.ContainsKey(served), $"menu lacks {served}");
        }

        foreach (var absent in new[] { "CMDB", "监控", "流水线", "BPM", "容器集群", "工单", "导航", "执行历史.分组任务", "快速执行.虚拟终端", "我的.我的收藏夹" })
        {
            Assert.False(menu.ContainsKey(absent), $"menu offers {absent}, a module this product does not have");
        }
    }

    [Fact]
    public async Task NavbarStar_MarksTheEntryAndItsModule_2_ForThatUserOnly()
    {
        var (user, browser) = await NamedUserAsync(product, null, 0);
        using (browser)
        using (var other = await UserAsync(product, null, 0))
        {
            // navbar.directive.js handleMarkOperate: $http.post(`/api/connector/menufavorites?menu=${label}&stat=${'1' ? '2' : '1'}`), no body.
            var star = await browser.Http.PostAsync($"{C}/menufavorites?menu={Uri.EscapeDataString("业务管理.作业管理")}&stat=2", null);
            Assert.True((await ApiClient.ReadAsync(star)).Stat());
            var menu = (await browser.GetAsync($"{C}/connectorx/sso/userinfo")).GetProperty("menu");
            Assert.Equal(("2", "2", "1"), (menu.GetProperty("业务管理.作业管理").GetString(), menu.GetProperty("业务管理").GetString(), menu.GetProperty("业务管理.文件管理").GetString()));
            Assert.Equal("1", (await other.GetAsync($"{C}/connectorx/sso/userinfo")).GetProperty("menu").GetProperty("业务管理.作业管理").GetString());
            Assert.Single(await AuditAsync(product, "MENU FAVORITES", "MENU:业务管理.作业管理 STAT:2"), a => a.Text("user") == user);

            var unstar = await browser.Http.PostAsync($"{C}/menufavorites?menu={Uri.EscapeDataString("业务管理.作业管理")}&stat=1", null);
            Assert.True((await ApiClient.ReadAsync(unstar)).Stat());
            menu = (await browser.GetAsync($"{C}/connectorx/sso/userinfo")).GetProperty("menu");
            Assert.Equal(("1", "1"), (menu.GetProperty("业务管理.作业管理").GetString(), menu.GetProperty("业务管理").GetString()));

            // Only entries of the modules served here can be starred, so nobody fills the table.
            var foreign = await browser.Http.PostAsync($"{C}/menufavorites?menu=CMDB.CMDB&stat=2", null);
            Assert.Equal("check format fail menu format error", (await ApiClient.ReadAsync(foreign)).Info());
        }
    }

    [Fact]
    public async Task TokenDialog_ListsTheNodesJobNames_ForReadersOnly()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        foreach (var name in new[] { "build", "deploy" })
        {
            await JobWithVariableAsync(app, node, "version", name);
        }

        // token.controller.js getJObs: $http.post('/api/job/third/option/jobname', {project_id: treeid}); it lists data.
        using var reader = await UserAsync(product, node, 0);
        var names = (await reader.PostAsync($"{J}/third/option/jobname", new { project_id = node.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Rows();
        Assert.Equal(["build", "deploy"], names.Select(n => n.GetString()));

        using var stranger = await UserAsync(product, null, 0);
        Assert.Equal("Unauthorized", (await stranger.PostAsync($"{J}/third/option/jobname", new { project_id = node })).Info());
        Assert.Equal("check format fail project_id undef", (await reader.PostAsync($"{J}/third/option/jobname", new { })).Info());
        using var anonymous = product.Anonymous();
        Assert.Equal(10000, (await anonymous.PostAsync($"{J}/third/option/jobname", new { project_id = node })).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task JobEditor_VariableToken_IsStableAndForAdminsOnly_AndItsLinkSetsTheOptions()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var job = await JobWithVariableAsync(app, node, "version");

        // edit.controller.js getVarToken: GET /api/job/variable/<treeid>/<jobuuid>/token?name=<var>; data goes into a link.
        using var admin = await product.AdminAsync();
        var token = (await admin.GetAsync($"{J}/variable/{node}/{job}/token?name=version")).Data().GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", token);
        Assert.Equal(token, (await admin.GetAsync($"{J}/variable/{node}/{job}/token?name=version")).Data().GetString());
        Assert.NotEqual(token, (await admin.GetAsync($"{J}/variable/{node}/{job}/token?name=other")).Data().GetString());
        Assert.NotEqual(token, (await admin.GetAsync($"{J}/variable/0/{job}/token?name=version")).Data().GetString());
        Assert.Equal("check format fail name format error (?^:^[a-zA-Z0-9,_]+$)", (await admin.GetAsync($"{J}/variable/{node}/{job}/token?name=a-b")).Info());

        using var owner = await UserAsync(product, node, 3);
        Assert.Equal("Unauthorized", (await owner.GetAsync($"{J}/variable/{node}/{job}/token?name=version")).Info());

        // The link the page shows: …/api/job/variable/update/<treeid>/<jobuuid>/<token>/<name>/<option>, called without login.
        using var other = product.Anonymous();
        Assert.True((await other.GetAsync($"{J}/variable/update/{node}/{job}/{token}/version/1.0,1.1")).Stat());
        Assert.True((await other.PostAsync($"{J}/variable/update/{node}/{job}/{token}/version/1.1?updatevalue=1", new { })).Stat());
        var variable = (await app.GetAsync($"{J}/variable/{node}/{job}")).Rows().Single();
        Assert.Equal(("1.0,1.1", "1.1"), (variable.Text("option"), variable.Text("value")));
        Assert.Single(await AuditAsync(product, "UPDATE JOB VARIABLE", $"TREEID:{node} JOBUUID:{job} NAME:version OPTION:1.0,1.1"), a => a.Text("user") == "variable-token");

        var otherName = (await admin.GetAsync($"{J}/variable/{node}/{job}/token?name=other")).Data().GetString();
        foreach (var wrong in new[] { otherName, new string('0', 64) })
        {
            Assert.Equal("token error", (await other.GetAsync($"{J}/variable/update/{node}/{job}/{wrong}/version/evil")).Info());
        }

        Assert.Equal("check format fail token format error (?^:^[0-9a-f]{64}$)", (await other.GetAsync($"{J}/variable/update/{node}/{job}/{token[..32]}/version/evil")).Info());

        Assert.Equal("check format fail option format error (?^:^[a-zA-Z0-9,_\\.\\-@]{1,1000}$)", (await other.GetAsync($"{J}/variable/update/{node}/{job}/{token}/version/a%20b")).Info());
        Assert.Equal("1.0,1.1", (await app.GetAsync($"{J}/variable/{node}/{job}")).Rows().Single().Text("option"));
    }

    [Fact]
    public async Task SmallApplicationEditor_DropsTheJobsAuthorization_ByJobId()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var job = await JobWithVariableAsync(app, node, "version");

        // smallapplication/create.controller.js marks the job; edit.controller.js deletes the mark by the job's id.
        Assert.True((await app.PostAsync($"{J}/variable/{node}/update", new { jobuuid = job, data = new[] { new { name = "_authorization_", value = "true", describe = "smallapplication" } } })).Stat());
        var jobId = (await app.GetAsync($"{J}/jobs/{node}")).Rows().Single().GetProperty("id").GetInt64();

        using var owner = await UserAsync(product, node, 3);
        Assert.Equal("Unauthorized", (await owner.DeleteAsync($"{J}/variable/byid/{jobId}?name=_authorization_", new { })).Info());

        using var admin = await product.AdminAsync();
        var deleted = await admin.DeleteAsync($"{J}/variable/byid/{jobId}?name=_authorization_", new { });
        Assert.True(deleted.GetProperty("stat").GetBoolean(), deleted.ToString());
        Assert.Equal(1, deleted.GetProperty("data").GetInt32());
        Assert.Equal(["version"], (await app.GetAsync($"{J}/variable/{node}/{job}")).Rows().Select(v => v.Text("name")));
        Assert.Equal(0, (await admin.DeleteAsync($"{J}/variable/byid/{jobId}?name=_authorization_", new { })).Data().GetInt32());
        Assert.Equal("check format fail name undef", (await admin.DeleteAsync($"{J}/variable/byid/{jobId}", new { })).Info());
        // Both admin deletes are audited (the second deleted nothing), the refused one is not, as upstream.
        Assert.Equal(["open-c3", "open-c3"], (await AuditAsync(product, "DELETE JOB VARIABLE", $"JOBID:{jobId} NAME:_authorization_")).Select(a => a.Text("user")));
    }

    [Fact]
    public async Task PageShell_RoutesOfModulesNotHere_AnswerEmpty_InTheShapesThePagesRead()
    {
        var node = await NewNodeAsync(product);
        using var browser = await UserAsync(product, node, 0);

        // job.controller.js getCiGroup: reload() runs only when data.stat; it walks data for {id, name}.
        Assert.Equal(JsonValueKind.Array, (await browser.GetAsync($"/api/ci/group/{node}")).Data().ValueKind);
        Assert.Empty((await browser.GetAsync($"/api/ci/group/{node}")).Rows());
        Assert.Equal("check format fail treeid format error (?^:^\\d+$)", (await browser.GetAsync("/api/ci/group/x")).Info());
        using (var stranger = await UserAsync(product, null, 0))
        {
            Assert.Equal("Unauthorized", (await stranger.GetAsync($"/api/ci/group/{node}")).Info());
        }

        // runtask.controller.js lists data as batch groups; the script editors (cmd.controller.js reloadticket) walk data as credentials.
        Assert.Empty((await browser.GetAsync($"/api/jobx/group/{node}")).Rows());
        Assert.Empty((await browser.GetAsync("/api/ci/ticket")).Rows());
        Assert.Empty((await browser.GetAsync("/api/ci/ticket?ticketid=3")).Rows());

        // depttree.services.js feeds data to zTree as children; globalsearch.controller.js shows data as cards.
        Assert.Empty((await browser.GetAsync($"{C}/connectorx/depttree")).Rows());
        Assert.Empty((await browser.GetAsync($"{C}/navigation/menu")).Rows());

        // login.controller.js thirdPartyLogin, before anyone logs in: data.default empty means no jump, other keys list extensions.
        using var anonymous = product.Anonymous();
        var loginext = (await anonymous.GetAsync($"{C}/loginext")).Data();
        Assert.Equal(["default"], loginext.EnumerateObject().Select(p => p.Name));
        Assert.Equal(string.Empty, loginext.GetProperty("default").GetString());
        Assert.Equal(10000, (await anonymous.GetAsync($"{C}/navigation/menu")).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task LoginRedirect_HonoursSiteaddr_OnlyWithinTheConfiguredSite()
    {
        using var anyone = product.Anonymous();
        var callback = Uri.EscapeDataString($"{WebUiProduct.Site}/#/home/1");

        // interceptor.service.js on code 10000: loginredirect?siteaddr=<protocol//host>&callback=<encoded href>.
        var fromSite = await anyone.Http.GetAsync($"{C}/connectorx/sso/loginredirect?siteaddr={Uri.EscapeDataString(WebUiProduct.Site)}&callback={callback}");
        Assert.Equal(302, (int)fromSite.StatusCode);
        Assert.Equal($"{WebUiProduct.Site}/#/login?callback={callback}", fromSite.Headers.Location!.ToString());
        var underSite = await anyone.Http.GetAsync($"{C}/connectorx/sso/loginredirect?siteaddr={Uri.EscapeDataString(WebUiProduct.Site + "/c3/")}");
        Assert.Equal($"{WebUiProduct.Site}/c3/#/login", underSite.Headers.Location!.ToString());

        foreach (var siteaddr in new[] { "https://evil.example", "http://c3.example.test:8088.evil.example", "http://c3.example.test:8088@evil.example", "//evil.example", "/local", "http://c3.example.test:9999" })
        {
            var elsewhere = await anyone.Http.GetAsync($"{C}/connectorx/sso/loginredirect?siteaddr={Uri.EscapeDataString(siteaddr)}");
            Assert.Equal($"{WebUiProduct.Site}/#/login", elsewhere.Headers.Location!.ToString());
        }
    }

    private static async Task<string> JobWithVariableAsync(ApiClient app, long node, string variable, string name = "with-variable")
    {
        var created = await app.PostAsync($"{J}/jobs/{node}", new
        {
            name,
            permanent = 1,
            data = new[] { new { plugin_type = "cmd", name = "step", user = "root", node_type = "builtin", node_cont = "10.9.9.9", scripts_type = "shell", scripts_cont = "echo $1", scripts_argv = $"${variable}" } },
        });
        Assert.True(created.Stat(), created.ToString());
        return created.Text("uuid");
    }

    /// <summary>What `downloadFile()` sends (AngularJS's Accept), returning the link name it opens.</summary>
    private static async Task<string> LinkAsync(ApiClient client, long node, string name)
    {
        var reply = await AskAsync(client, $"{J}/fileserver/{node}/download?name={Uri.EscapeDataString(name)}");
        return reply.Data().GetString()!;
    }

    private static async Task<JsonElement> AskAsync(ApiClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(AngularAccept);
        return await ApiClient.ReadAsync(await client.Http.SendAsync(request));
    }

    private static async Task<JsonElement> TokenUploadAsync(ApiClient client, string path, string token, string name, string content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Multipart(name, content) };
        request.Headers.Add("token", token);
        return await ApiClient.ReadAsync(await client.Http.SendAsync(request));
    }
}
