
namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// Issue 11 item 5, as the attack: a host's key is pinned on first use; the same address later answers
/// with another key (a man in the middle, or a rebuilt host). That host fails with a clear reason and
/// runs again only after an admin accepted the new key.
/// </summary>
public sealed class HostKeyPinningTests(PinnedHostProduct product) : IClassFixture<PinnedHostProduct>
{
    [Fact]
    public Task ChangedHostKey_FailsTheHost_UntilAnAdminAcceptsIt() => HostKeyScenario.RunAsync(product, product.Sshd);
}

public sealed class MariaDbHostKeyPinningTests(MariaDbPinnedHostProduct product) : IClassFixture<MariaDbPinnedHostProduct>
{
    [Fact]
    public Task ChangedHostKey_FailsTheHost_UntilAnAdminAcceptsIt() => HostKeyScenario.RunAsync(product, product.Sshd);
}

internal static class HostKeyScenario
{
    public static async Task RunAsync(EmbeddedProduct product, TestSshd sshd)
    {
        var host = sshd.Address;
        var keyA = await sshd.StartAsync("host_a");
        using var app = product.App();
        using var admin = await product.AdminAsync();
        var node = await NewNodeAsync(product);
        Assert.True((await app.PostAsync($"{J}/nodelist/{node}", new { name = host })).Stat());
        await CreateJobAsync(app, node, "pinned", Cmd("hello", [host], "echo pinned-ok"));

        var first = await StartByNameAsync(app, node, "pinned");
        Assert.Equal("success", (await WaitFinishedAsync(app, node, first)).Status());
        var pinned = Assert.Single((await admin.GetAsync($"{J}/hostkey/0")).Rows(), r => r.Text("host") == host);
        Assert.Equal((keyA, "first use", sshd.Port), (pinned.Text("fingerprint"), pinned.Text("create_user"), pinned.GetProperty("port").GetInt32()));

        await sshd.StopAsync();
        var keyB = await sshd.StartAsync("host_b");
        Assert.NotEqual(keyA, keyB);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var second = await StartByNameAsync(app, node, "pinned");
        await WaitTaskAsync(app, node, second, s => s is "waiting" or "fail" or "success", "to meet the changed key");
        var step = (await StepsAsync(app, node, second)).Single();
        var (status, reason) = (await HostsAsync(app, node, second, step.Text("uuid")))[host];
        Assert.Equal("fail", status);
        Assert.Equal($"host key changed: recorded {keyA}, presented {keyB}; an admin must accept the new key", reason);
        var waiting = Assert.Single((await admin.GetAsync($"{J}/hostkey/0")).Rows(), r => r.Text("host") == host);
        Assert.Equal((keyA, keyB), (waiting.Text("fingerprint"), waiting.Text("presented")));

        using var stranger = await UserAsync(product, node, 3);
        Assert.Equal("Unauthorized", (await stranger.GetAsync($"{J}/hostkey/0")).Info());
        Assert.Equal("Unauthorized", (await stranger.PostAsync($"{J}/hostkey/0/{host}/accept", new { })).Info());
        Assert.Equal("Unauthorized", (await stranger.DeleteAsync($"{J}/hostkey/0/{host}", new { })).Info());

        Assert.Equal(1, (await admin.PostAsync($"{J}/hostkey/0/{host}/accept", new { })).Data().GetInt32());
        Assert.Single(await AuditAsync(product, "ACCEPT HOST KEY", $"HOST:{host}"));
        var accepted = Assert.Single((await admin.GetAsync($"{J}/hostkey/0")).Rows(), r => r.Text("host") == host);
        Assert.Equal((keyB, "open-c3"), (accepted.Text("fingerprint"), accepted.Text("edit_user")));
        Assert.Equal($"no new key presented by {host}", (await admin.PostAsync($"{J}/hostkey/0/{host}/accept", new { })).Info());

        var retry = await app.PostAsync($"{J}/subtask/{node}", new { taskuuid = second, subtaskuuid = step.Text("uuid"), subtasktype = "cmd", control = "running" });
        Assert.True(retry.Stat(), retry.ToString());
        Assert.Equal("success", (await WaitFinishedAsync(app, node, second)).Status());

        Assert.Equal(1, (await admin.DeleteAsync($"{J}/hostkey/0/{host}", new { })).Data().GetInt32());
        Assert.DoesNotContain((await admin.GetAsync($"{J}/hostkey/0")).Rows(), r => r.Text("host") == host);
    }
}
