using System.Text.RegularExpressions;

namespace OpenC3.IntegrationTests.Connector;

public sealed partial class SessionPolicyTests(FreshProduct product) : IClassFixture<FreshProduct>
{
    [Fact]
    public async Task WithoutAConfiguredPassword_TheAdminGetsARandomOne_PrintedOnce_AndStoredOwnerOnly()
    {
        var printed = PasswordLine().Match(product.Process.Log);
        Assert.True(printed.Success, "the first start prints the generated admin password");
        var password = printed.Groups["password"].Value;
        Assert.True(password.Length >= 16);

        Assert.Equal(password, (await File.ReadAllTextAsync(product.PasswordFile)).Trim());
        Assert.False(OperatingSystem.IsWindows(), "the product targets Linux");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(product.PasswordFile));
        }

        using var browser = product.Anonymous();
        Assert.True((await browser.LoginAsync("open-c3", password)).GetProperty("stat").GetBoolean());
        Assert.False((await browser.LoginAsync("open-c3", "changeme")).GetProperty("stat").GetBoolean());

        await product.CrashAndRestartAsync();
        Assert.DoesNotMatch(PasswordLine(), product.Process.Log);
        using var again = product.Anonymous();
        Assert.True((await again.LoginAsync("open-c3", password)).GetProperty("stat").GetBoolean());
    }

    [Fact]
    public async Task Sessions_ExpireAfterTheConfiguredLifetime()
    {
        var password = (await File.ReadAllTextAsync(product.PasswordFile)).Trim();
        using var browser = product.Anonymous();
        Assert.True((await browser.LoginAsync("open-c3", password)).GetProperty("stat").GetBoolean());
        Assert.True((await browser.GetAsync("/api/job/environment")).GetProperty("stat").GetBoolean());
        var sessionId = browser.SessionId ?? throw new InvalidOperationException("no session cookie");

        // Replayed after expiry: the browser would have dropped the cookie, the server must refuse it too.
        await Task.Delay(TimeSpan.FromSeconds(9));
        using var stale = product.Anonymous();
        stale.UseSession(sessionId);
        Assert.Equal(10000, (await stale.GetAsync("/api/job/environment")).GetProperty("code").GetInt32());
    }

    [GeneratedRegex(@"Created admin user open-c3 with password: (?<password>\S+)")]
    private static partial Regex PasswordLine();
}
