using System.Net.WebSockets;
using OpenC3.TestSupport;
using OpenQA.Selenium;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// The web terminal (`/api/job/cmd/:treeid`) on real hosts of the sshd farm: in headless Chromium, over its websocket,
/// and every way it refuses: no login, no point, a host off the node, another site's page, a hostile `siteaddr`.
/// </summary>
public sealed class TerminalTests(TerminalProduct product) : IClassFixture<TerminalProduct>
{
    private static string Today => DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Yesterday => DateTime.Now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task InChromium_ACommandTyped_ShowsItsOutput_AndIsInTheCommandLog()
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostsAsync(app, 60);
        using var admin = await product.AdminAsync();
        using var browser = HeadlessBrowser.Phone();
        var driver = browser.Driver;
        driver.Navigate().GoToUrl($"{product.BaseUrl}/healthz");
        driver.Manage().Cookies.AddCookie(new Cookie("sid", admin.SessionId!, "/"));
        driver.Navigate().GoToUrl($"{product.BaseUrl}{J}/cmd/{node}?node={host}&bash=1&sudo={TestServers.SshUser}&siteaddr={Uri.EscapeDataString(product.BaseUrl)}");

        await Eventually.WaitAsync(() => Task.FromResult(driver.FindElement(By.Id("status")).Text), text => text == "connected", TimeSpan.FromSeconds(30), "the terminal to connect");
        driver.FindElement(By.CssSelector(".xterm-helper-textarea")).SendKeys("echo hi-$((6*7))" + Keys.Enter);
        await WaitForOutputAsync(browser, app, node, "hi-42");
        Assert.Equal(product.BaseUrl, driver.FindElement(By.CssSelector("header a")).GetAttribute("href")!.TrimEnd('/'));

        var logged = (await app.GetAsync($"{J}/cmd/{node}/log?user=open-c3&node={host}&usr={TestServers.SshUser}&cmd=hi-&time_start={Today}&time_end={Today}")).Rows();
        var row = Assert.Single(logged);
        Assert.Equal(["id", "user", "node", "usr", "cmd", "time"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("open-c3", host, TestServers.SshUser, "echo hi-$((6*7))"), (row.Text("user"), row.Text("node"), row.Text("usr"), row.Text("cmd")));
        Assert.Empty((await app.GetAsync($"{J}/cmd/{node}/log?cmd=hi-&time_end={Yesterday}")).Rows());
        Assert.Empty((await app.GetAsync($"{J}/cmd/{node}/log?cmd=hi-&user=someone-else")).Rows());
        Assert.NotEmpty(await AuditAsync(product, "OPEN TERMINAL", $"TREEID:{node} NODE:{host} SUDO:{TestServers.SshUser}"));
    }

    [Fact]
    public async Task SeveralHosts_GetTheSameKeys_WithOutputLabelledByHost_AResizeReachesThePty_AndSudoChangesTheAccount()
    {
        using var app = product.App();
        var (node, hosts) = await NodeWithHostsAsync(app, 61, 62);
        using (var batch = await AppTerminalAsync($"{J}/cmd/{node}/ws?node={hosts}"))
        {
            await batch.SendAsync("iecho from-$((1+1))\r");
            // Each output line starts with its host (bash's bracketed-paste switch and a carriage return may come before the text).
            var labelled = hosts.Split(',').Select(host => new System.Text.RegularExpressions.Regex($@"\[{System.Text.RegularExpressions.Regex.Escape(host)}\]\x1b\[0m [^\n]*from-2\r\n")).ToList();
            await batch.WaitForAsync(text => labelled.All(line => line.IsMatch(text)), "from-2 from each host");

            await batch.CloseAsync();
        }

        var (single, one) = await NodeWithHostsAsync(app, 63);
        using var terminal = await AppTerminalAsync($"{J}/cmd/{single}/ws?node={one}&bash=1&cols=90&rows=20");
        await terminal.SendAsync("istty size\r");
        await terminal.WaitForAsync("20 90");
        await terminal.SendAsync("r132,41");
        await terminal.SendAsync("iecho rows-$(stty size)\r");
        await terminal.WaitForAsync("rows-41 132");
        await terminal.SendAsync("iexit\r");
        await terminal.WaitForCloseAsync(30);
        Assert.Equal("the shell ended", terminal.CloseReason);

        using (var other = await AppTerminalAsync($"{J}/cmd/{single}/ws?node={one}&bash=1&sudo={TestServers.SudoUser}"))
        {
            await other.SendAsync("iecho as-$(id -un)\r");
            await other.WaitForAsync($"as-{TestServers.SudoUser}\r\n");
            await other.CloseAsync();
        }

        Assert.Equal(TestServers.SudoUser, Assert.Single((await app.GetAsync($"{J}/cmd/{single}/log?cmd=as-")).Rows()).Text("usr"));
        var rows = (await app.GetAsync($"{J}/cmd/{node}/log")).Rows();
        var row = Assert.Single(rows);
        Assert.Equal(("echo from-$((1+1))", hosts), (row.Text("cmd"), row.Text("node")));
    }

    [Fact]
    public async Task WithoutLogin_WithoutThePoint_OrForAHostOffTheNode_NoTerminalOpens()
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostsAsync(app, 64);
        var foreign = TestServers.SshHosts[65];
        var page = $"{J}/cmd/{node}?node={host}&bash=1";

        using var anonymous = product.Anonymous();
        Assert.Equal(10000, (await anonymous.GetAsync(page)).GetProperty("code").GetInt32());
        await AssertRefusedAsync($"{J}/cmd/{node}/ws?node={host}&bash=1");

        using var reader = await UserAsync(product, node, 1);
        Assert.Equal("Unauthorized", (await reader.GetAsync(page)).Info());
        await AssertRefusedAsync($"{J}/cmd/{node}/ws?node={host}&bash=1", ("Cookie", $"sid={reader.SessionId}"));

        Assert.Equal($"the node not on tree: {foreign}", (await app.GetAsync($"{J}/cmd/{node}?node={host},{foreign}")).Info());
        await AssertRefusedAsync($"{J}/cmd/{node}/ws?node={foreign}&bash=1", ("appname", EmbeddedProduct.AppName), ("appkey", EmbeddedProduct.AppKey));
        Assert.Equal("bash opens one node", (await app.GetAsync($"{J}/cmd/{node}?node={host},{host}x&bash=1")).Info());
        Assert.StartsWith("check format fail sudo format error", (await app.GetAsync($"{J}/cmd/{node}?node={host}&sudo=root;id")).Info(), StringComparison.Ordinal);
        Assert.StartsWith("check format fail node format error", (await app.GetAsync($"{J}/cmd/{node}?node=$(id)")).Info(), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(product, "OPEN TERMINAL", $"TREEID:{node} "));
    }

    [Fact]
    public async Task ThePage_LoadsItsCodeFromTheProduct_UnderAStrictPolicy()
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostsAsync(app, 69);
        var page = await app.Http.GetAsync($"{J}/cmd/{node}?node={host}&bash=1&siteaddr={Uri.EscapeDataString(product.BaseUrl + "/#/x?a=\"<b>")}");
        Assert.StartsWith("default-src 'none'; script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"/console/terminal.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        var bundle = await app.Http.GetAsync("/console/terminal.js");
        Assert.Equal(System.Net.HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%0A/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/local/path")]
    public async Task AHostileSiteAddress_IsRefused(string siteaddr)
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostsAsync(app, 66);
        var reply = await app.GetAsync($"{J}/cmd/{node}?node={host}&bash=1&siteaddr={Uri.EscapeDataString(siteaddr)}");
        Assert.Equal("check format fail siteaddr format error", reply.Info());
    }

    [Fact]
    public async Task TheWebsocket_RefusesAnotherSitesPage_ButNotThisSitesOwn()
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostsAsync(app, 67);
        using var admin = await product.AdminAsync();
        var path = $"{J}/cmd/{node}/ws?node={host}&bash=1";
        await AssertRefusedAsync(path, ("Cookie", $"sid={admin.SessionId}"), ("Origin", "https://evil.example"));

        using var own = await TerminalSocket.ConnectAsync(product.BaseUrl, path, ("Cookie", $"sid={admin.SessionId}"), ("Origin", product.BaseUrl));
        await own.SendAsync("iecho own-$((2+3))\r");
        await own.WaitForAsync("own-5");
        await own.CloseAsync();
    }

    [Fact]
    public async Task ASessionCloses_WhenIdle_OrOnAnOversizedMessage_AndAUserHoldsAtMostTwo()
    {
        using var app = product.App();
        var (node, host) = await NodeWithHostsAsync(app, 68);
        var (_, userClient) = await NamedUserAsync(product, node, 2);
        using var user = userClient;
        var path = $"{J}/cmd/{node}/ws?node={host}&bash=1";
        var login = ("Cookie", $"sid={user.SessionId}");

        using var idle = await TerminalSocket.ConnectAsync(product.BaseUrl, path, login);
        using var oversized = await TerminalSocket.ConnectAsync(product.BaseUrl, path, login);
        await AssertRefusedAsync(path, login);

        await oversized.SendAsync("i" + new string('x', 70 * 1024));
        await oversized.WaitForCloseAsync(30);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, oversized.CloseStatus);

        var started = DateTime.UtcNow;
        await idle.WaitForCloseAsync(TerminalProduct.IdleSeconds + 30);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(TerminalProduct.IdleSeconds - 3), TimeSpan.FromSeconds(TerminalProduct.IdleSeconds + 30));
        Assert.StartsWith("closed after 00:00:10 without input", idle.CloseReason, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits for text in the rendered terminal; when it never shows, says what the page and the product saw (the socket's
    /// state, whether the page was visible, whether the keys reached the product, the product's log) to tell a silent host
    /// from output that was never drawn.
    /// </summary>
    private async Task WaitForOutputAsync(HeadlessBrowser browser, ApiClient app, long node, string text)
    {
        var driver = browser.Driver;
        try
        {
            await Eventually.WaitAsync(() => Task.FromResult(driver.FindElement(By.CssSelector(".xterm-rows")).Text), rows => rows.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the command's output in the terminal");
        }
        catch (TimeoutException timeout)
        {
            var page = browser.Run("return `status=${document.getElementById('status')?.textContent} visibility=${document.visibilityState} focus=${document.hasFocus()} rows=${document.querySelectorAll('.xterm-rows > div').length}`");
            var typed = (await app.GetAsync($"{J}/cmd/{node}/log")).Rows().Count;
            var log = string.Join('\n', product.Process.Log.Split('\n').TakeLast(40));
            throw new TimeoutException($"{timeout.Message}\npage: {page}; command lines logged: {typed}\nproduct log (last 40 lines):\n{log}", timeout);
        }
    }

    /// <summary>A new node with the given farm hosts placed on it, and the hosts as the `node` parameter.</summary>
    private async Task<(long Node, string Hosts)> NodeWithHostsAsync(ApiClient app, params int[] indexes)
    {
        var node = await NewNodeAsync(product);
        var hosts = indexes.Select(i => TestServers.SshHosts[i]).ToList();
        foreach (var host in hosts)
        {
            Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = host })).Stat());
        }

        return (node, string.Join(',', hosts));
    }

    private Task<TerminalSocket> AppTerminalAsync(string path) =>
        TerminalSocket.ConnectAsync(product.BaseUrl, path, ("appname", EmbeddedProduct.AppName), ("appkey", EmbeddedProduct.AppKey));

    private async Task AssertRefusedAsync(string path, params (string Name, string Value)[] headers) =>
        await Assert.ThrowsAsync<WebSocketException>(() => TerminalSocket.ConnectAsync(product.BaseUrl, path, headers));
}
