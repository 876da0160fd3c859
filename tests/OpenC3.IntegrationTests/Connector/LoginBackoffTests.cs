using System.Diagnostics;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Connector;

/// <summary>Wrong passwords as an attack: each client only slows itself down, and only a configured proxy may name the client.</summary>
public sealed class LoginBackoffTests(ProxiedProduct product) : IClassFixture<ProxiedProduct>
{
    private const string BadCredentials = "username or password error";
    private const string RightPassword = "right-password-1";

    [Fact]
    public async Task AStrangersWrongPasswords_FromOneAddress_DoNotStopTheOwner_FromAnother()
    {
        using var stranger = product.Through("198.51.100.7");
        var replies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var reply = await stranger.LoginAsync("open-c3", $"guess-{i}");
            Assert.False(reply.GetProperty("stat").GetBoolean());
            replies.Add(reply.GetProperty("info").GetString()!);
        }

        Assert.StartsWith("too many failed logins", replies[^1], StringComparison.Ordinal);

        using var owner = product.Through("198.51.100.8");
        Assert.True((await owner.LoginAsync("open-c3", EmbeddedProduct.AdminPassword)).GetProperty("stat").GetBoolean());
        Assert.True((await owner.GetAsync("/api/job/environment")).GetProperty("stat").GetBoolean());
    }

    [Fact]
    public async Task RepeatedFailures_GetGrowingWaits_AnsweredAtOnce()
    {
        var user = await NewUserAsync("bo-grow");
        using var guesser = product.Through("198.51.100.20");
        await SpendTheFreeFailuresAsync(guesser, user);

        var (first, firstTook) = await TimedLoginAsync(guesser, user, "wrong-3");
        Assert.Equal("too many failed logins, try again in 2 seconds", first);
        Assert.True(firstTook < TimeSpan.FromSeconds(1), $"the wait is reported, not served: {firstTook}");

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Equal(BadCredentials, await LoginInfoAsync(guesser, user, "wrong-3"));
        var (second, secondTook) = await TimedLoginAsync(guesser, user, "wrong-4");
        Assert.Equal("too many failed logins, try again in 4 seconds", second);
        Assert.True(secondTook < TimeSpan.FromSeconds(1), $"the wait is reported, not served: {secondTook}");
    }

    [Fact]
    public async Task ASuccessfulLogin_ClearsItsOwnCount()
    {
        var user = await NewUserAsync("bo-clear");
        using var owner = product.Through("198.51.100.30");
        await SpendTheFreeFailuresAsync(owner, user);
        Assert.StartsWith("too many failed logins", await LoginInfoAsync(owner, user, RightPassword), StringComparison.Ordinal);

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.True((await owner.LoginAsync(user, RightPassword)).GetProperty("stat").GetBoolean());
        await SpendTheFreeFailuresAsync(owner, user);
    }

    [Fact]
    public async Task FailuresAcrossUsers_SlowDownTheirAddress_NotOthers()
    {
        using var sprayer = product.Through("198.51.100.40");
        foreach (var ghost in new[] { "ghost1", "ghost2", "ghost3", "ghost4" })
        {
            Assert.Equal(BadCredentials, await LoginInfoAsync(sprayer, ghost, "guess"));
        }

        Assert.StartsWith("too many failed logins", await LoginInfoAsync(sprayer, "open-c3", EmbeddedProduct.AdminPassword), StringComparison.Ordinal);
        using var neighbour = product.Through("198.51.100.41");
        Assert.True((await neighbour.LoginAsync("open-c3", EmbeddedProduct.AdminPassword)).GetProperty("stat").GetBoolean());
    }

    /// <summary>A client that is no configured proxy cannot dodge its count, or pin failures on someone else, by naming another address.</summary>
    [Fact]
    public async Task ForwardedFor_FromAnUnconfiguredAddress_IsIgnored()
    {
        var user = await NewUserAsync("bo-xff");
        using var direct = product.Anonymous();
        var replies = new List<string>();
        foreach (var forged in new[] { "192.0.2.50", "192.0.2.51", "192.0.2.52" })
        {
            direct.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            direct.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forged);
            replies.Add(await LoginInfoAsync(direct, user, "guess"));
        }

        Assert.Equal([BadCredentials, BadCredentials], replies[..2]);
        Assert.StartsWith("too many failed logins", replies[2], StringComparison.Ordinal);

        using var proxied = product.Through("192.0.2.60");
        Assert.Equal(BadCredentials, await LoginInfoAsync(proxied, user, "guess"));

        using var admin = await product.AdminAsync();
        var addresses = (await admin.GetAsync($"/api/connector/connectorx/loginaudit?user={user}")).GetProperty("data").EnumerateArray()
            .Where(r => r.GetProperty("action").GetString() == "pwErr").Select(r => r.GetProperty("ip").GetString()).ToList();
        Assert.Equal(["127.0.0.1", "127.0.0.1", "192.0.2.60"], addresses.Order());
    }

    private async Task<string> NewUserAsync(string prefix)
    {
        var user = $"{prefix}-{Guid.NewGuid():N}"[..20];
        using var admin = await product.AdminAsync();
        var added = await admin.PostAsync("/api/connector/default/user/adduser", new { user, pass = RightPassword });
        Assert.True(added.GetProperty("stat").GetBoolean(), added.ToString());
        return user;
    }

    /// <summary>Two wrong passwords, both answered as such (not yet with a wait).</summary>
    private static async Task SpendTheFreeFailuresAsync(ApiClient client, string user)
    {
        Assert.Equal(BadCredentials, await LoginInfoAsync(client, user, "wrong-1"));
        Assert.Equal(BadCredentials, await LoginInfoAsync(client, user, "wrong-2"));
    }

    private static async Task<string> LoginInfoAsync(ApiClient client, string user, string password) =>
        (await client.LoginAsync(user, password)).GetProperty("info").GetString()!;

    private static async Task<(string Info, TimeSpan Took)> TimedLoginAsync(ApiClient client, string user, string password)
    {
        var clock = Stopwatch.StartNew();
        var info = await LoginInfoAsync(client, user, password);
        return (info, clock.Elapsed);
    }
}
