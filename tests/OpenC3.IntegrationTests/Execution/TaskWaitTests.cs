using System.Diagnostics;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>`GET /task/:p/:uuid?wait=N` (ours): the detail of a running task answers when the task ends, not before.</summary>
[Collection(SharedProducts.SqliteExecution)]
public sealed class TaskWaitTests(ExecutionProduct product)
{
    private const int WaitSeconds = 10;

    private static readonly string Host = TestServers.SshHosts[150];

    [Fact]
    public async Task WithWait_TheDetailOfARunningTask_AnswersOnceItEnded_OrAfterTheFullWait()
    {
        using var app = product.App();
        var started = (await app.PostAsync($"{J}/task/0/plugin_cmd", new
        {
            name = "wait-for-the-end", user = TestServers.SshUser, node_type = "builtin", node_cont = Host,
            scripts_type = "shell", scripts_cont = "sleep 3; echo done", timeout = 60,
        })).Data();
        var path = $"{J}/task/0/{started.Text("uuid")}";
        Assert.Contains((await app.GetAsync(path)).Data().Text("status"), new[] { "init", "running" });

        var clock = Stopwatch.StartNew();
        var waited = (await app.GetAsync($"{path}?wait={WaitSeconds}")).Data();
        // A slow machine may need longer than the wait; then the request must have held all of it.
        Assert.True(
            waited.Text("status") == "success" || clock.Elapsed >= TimeSpan.FromSeconds(WaitSeconds - 0.5),
            $"answered {waited.Text("status")} after {clock.Elapsed}");
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, started.Text("uuid"))).Text("status"));

        clock.Restart();
        Assert.Equal("success", (await app.GetAsync($"{path}?wait={WaitSeconds}")).Data().Text("status"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(WaitSeconds - 0.5), "an ended task is answered at once");
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("x")]
    [InlineData("99999999999")]
    public async Task AWaitThatIsNotANumberOfSecondsUpToTen_IsRefused(string wait)
    {
        using var app = product.App();
        Assert.Equal(
            "check format fail wait format error: a number of seconds from 0 to 10",
            (await app.GetAsync($"{J}/task/0/{Guid.NewGuid():N}?wait={Uri.EscapeDataString(wait)}")).Info());
    }
}
