using System.Net;
using System.Net.WebSockets;
using OpenC3.IntegrationTests.Execution;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Connector;

/// <summary>What a hostile web page can make a visitor's browser do: follow a redirect off-site, adopt the attacker's session, read a task log.</summary>
public sealed class BrowserOriginTests(SiteProduct product) : IClassFixture<SiteProduct>
{
    private const string SetCookie = "/api/connector/connectorx/setcookie";
    private const string MissingLog = "AAAAAAAAAAAa";

    /// <summary>Each query value as an attacker writes it in a link; a browser would follow each answer to evil.example.</summary>
    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0A/evil.example")]
    [InlineData("/%0D%0A/evil.example")]
    [InlineData("%09//evil.example")]
    [InlineData("%20//evil.example")]
    [InlineData("/%5C/evil.example")]
    [InlineData("%5C%5Cevil.example")]
    [InlineData("/%252F/evil.example")]
    [InlineData("/%25%32%46/evil.example")]
    [InlineData("https://c3.example.test@evil.example/")]
    [InlineData("https://c3.example.test.evil.example/")]
    [InlineData("https:%2F%2Fevil.example")]
    public async Task SetCookie_RedirectsThatABrowserWouldTakeOffSite_GoHome(string encodedTarget)
    {
        using var anyone = product.Anonymous();
        var response = await anyone.Http.GetAsync($"{SetCookie}?c3redirect={encodedTarget}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Assert.Single(response.Headers.GetValues("Location")));
    }

    [Theory]
    [InlineData("/%23/job/list", "/#/job/list")]
    [InlineData("https://c3.example.test/%23/x", "https://c3.example.test/#/x")]
    public async Task SetCookie_RedirectsWithinTheSite_StillWork(string encodedTarget, string location)
    {
        using var anyone = product.Anonymous();
        var response = await anyone.Http.GetAsync($"{SetCookie}?c3redirect={encodedTarget}");
        Assert.Equal(location, Assert.Single(response.Headers.GetValues("Location")));
    }

    /// <summary>Login CSRF: a page elsewhere sends the visitor to setcookie with the attacker's live session id.</summary>
    [Fact]
    public async Task SetCookie_FromAnotherSite_DoesNotLogTheVisitorIntoTheAttackersAccount()
    {
        var attackerSession = await AttackerSessionAsync();
        (string Name, string Value)[][] hostile =
        [
            [("Sec-Fetch-Site", "cross-site"), ("Referer", "https://evil.example/")],
            [("Sec-Fetch-Site", "cross-site")],
            [("Sec-Fetch-Site", "same-site"), ("Referer", "https://evil.example.test/")],
            [("Origin", "https://evil.example")],
            [("Referer", "https://evil.example/page")],
            [],
        ];
        foreach (var headers in hostile)
        {
            Assert.Null(await VisitSetCookieAsync(attackerSession, headers));
        }

        Assert.Equal(attackerSession, await VisitSetCookieAsync(attackerSession, [("Sec-Fetch-Site", "same-origin")]));
        Assert.Equal(attackerSession, await VisitSetCookieAsync(attackerSession, [("Sec-Fetch-Site", "same-site"), ("Referer", SiteProduct.UiOrigin + "/")]));
        Assert.Equal(attackerSession, await VisitSetCookieAsync(attackerSession, [("Referer", SiteProduct.Site + "/")]));
    }

    [Fact]
    public async Task LogWebSocket_FromAnotherOrigin_IsRefused_EvenWithTheVisitorsSession()
    {
        using var admin = await product.AdminAsync();
        using var socket = Socket(origin: "https://evil.example", sessionId: admin.SessionId);
        await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(socket));
        Assert.Equal(HttpStatusCode.OK, socket.HttpStatusCode);
    }

    [Theory]
    [InlineData(SiteProduct.Site)]
    [InlineData(SiteProduct.UiOrigin)]
    public async Task LogWebSocket_FromTheSiteOrAnAllowedOrigin_Works(string origin)
    {
        using var admin = await product.AdminAsync();
        using var socket = Socket(origin, admin.SessionId);
        await ConnectAsync(socket);
        Assert.Equal($"open log fail: Non-existent uuid:{MissingLog}", await ReceiveAsync(socket));
    }

    [Fact]
    public async Task LogWebSocket_WithoutOrigin_AClientOutsideABrowserConnects()
    {
        using var socket = await LiveLog.ConnectAsync(product.BaseUrl, MissingLog);
        Assert.Equal($"open log fail: Non-existent uuid:{MissingLog}", await ReceiveAsync(socket));
    }

    [Fact]
    public async Task LogWebSocket_NotLoggedIn_GetsUpstreamsReply_AndNoUpgrade()
    {
        using var socket = Socket(SiteProduct.Site, sessionId: null);
        await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(socket));

        using var anonymous = product.Anonymous();
        using var upgrade = new HttpRequestMessage(HttpMethod.Get, $"/api/job/slave/anyslave/ws?uuid={MissingLog}");
        upgrade.Headers.Add("Connection", "Upgrade");
        upgrade.Headers.Add("Upgrade", "websocket");
        upgrade.Headers.Add("Sec-WebSocket-Version", "13");
        upgrade.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        var response = await anonymous.Http.SendAsync(upgrade);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10000, (await ApiClient.ReadAsync(response)).GetProperty("code").GetInt32());
    }

    private async Task<string> AttackerSessionAsync()
    {
        var attacker = $"csrf-{Guid.NewGuid():N}"[..16];
        using (var admin = await product.AdminAsync())
        {
            Assert.True((await admin.PostAsync("/api/connector/default/user/adduser", new { user = attacker, pass = "attacker-pass-1" })).GetProperty("stat").GetBoolean());
        }

        using var browser = product.Anonymous();
        Assert.True((await browser.LoginAsync(attacker, "attacker-pass-1")).GetProperty("stat").GetBoolean());
        return browser.SessionId!;
    }

    /// <summary>The session cookie the visitor's browser holds after following the link, if any.</summary>
    private async Task<string?> VisitSetCookieAsync(string sessionId, (string Name, string Value)[] headers)
    {
        using var visitor = product.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{SetCookie}?cookie={sessionId}&c3redirect=/");
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.SendAsync(request)).StatusCode);
        return visitor.SessionId;
    }

    private static ClientWebSocket Socket(string origin, string? sessionId)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        if (sessionId is not null)
        {
            socket.Options.SetRequestHeader("Cookie", $"sid={sessionId}");
        }

        return socket;
    }

    private Task ConnectAsync(ClientWebSocket socket) =>
        socket.ConnectAsync(new Uri($"{product.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/api/job/slave/anyslave/ws?uuid={MissingLog}"), CancellationToken.None);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await LiveLog.ReceiveAsync(socket, limit.Token);
    }
}
