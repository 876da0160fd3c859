using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>A task's `mutex`: one unfinished task per (tree node, mutex name); a second fails at start, the name is free again once the first ends.</summary>
public abstract class MutexTests(EmbeddedProduct product)
{
    [Fact]
    public async Task SecondTaskWithTheSameMutex_FailsAtStart_OthersRun_AndTheMutexIsFreedWhenTheFirstEnds()
    {
        using var app = product.App();
        var host = TestServers.SshHosts[27];
        var tag = Guid.NewGuid().ToString("N")[..12];
        var (job, mutex) = ($"mutex-{tag}", $"m{tag}");
        await CreateJobAsync(app, 0, job, Cmd("hold", [host], "sleep $1; echo held", "$secs"));
        var other = await NewNodeAsync(product);
        Assert.True((await app.PostAsync($"{J}/nodelist/{other}", new { name = host })).Stat());
        await CreateJobAsync(app, other, job, Cmd("hold", [host], "echo elsewhere"));

        var first = await StartByNameAsync(app, 0, job, mutex, new { secs = "20" });
        await WaitTaskAsync(app, 0, first, s => s == "running", "to run");
        var second = await StartByNameAsync(app, 0, job, mutex, new { secs = "1" });
        var refused = await WaitFinishedAsync(app, 0, second);
        Assert.Equal(("fail", $"task mutex from: {first}"), (refused.Status(), refused.Reason()));
        Assert.Equal(mutex, refused.GetProperty("mutex").GetString());

        var otherName = await StartByNameAsync(app, 0, job, $"x{tag}", new { secs = "1" });
        var otherNode = await StartByNameAsync(app, other, job, mutex);
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, otherName)).Status());
        Assert.Equal("success", (await WaitFinishedAsync(app, other, otherNode)).Status());
        Assert.Equal("running", (await app.GetAsync($"{J}/task/0/{first}")).Data().Status());

        Assert.Equal("success", (await WaitFinishedAsync(app, 0, first)).Status());
        var after = await StartByNameAsync(app, 0, job, mutex, new { secs = "1" });
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, after)).Status());
    }

    [Fact]
    public async Task AKilledTask_ReleasesItsMutex()
    {
        using var app = product.App();
        var tag = Guid.NewGuid().ToString("N")[..12];
        var (job, mutex) = ($"killed-{tag}", $"k{tag}");
        await CreateJobAsync(app, 0, job, Cmd("hold", [TestServers.SshHosts[28]], "sleep $1", "$secs"));
        var held = await StartByNameAsync(app, 0, job, mutex, new { secs = "60" });
        await WaitTaskAsync(app, 0, held, s => s == "running", "to run");
        Assert.Equal("kill task succcess", (await ApiClient.ReadAsync(await app.Http.DeleteAsync($"{J}/slave/any/killtask/{held}"))).Info());
        Assert.Equal("fail", (await WaitFinishedAsync(app, 0, held)).Status());

        var next = await StartByNameAsync(app, 0, job, mutex, new { secs = "1" });
        Assert.Equal("success", (await WaitFinishedAsync(app, 0, next)).Status());
    }
}

[Collection(SharedProducts.SqliteExecution)]
public sealed class SqliteMutexTests(ExecutionProduct product) : MutexTests(product);

[Collection(SharedProducts.MariaDbExecution)]
public sealed class MariaDbMutexTests(MariaDbExecutionProduct product) : MutexTests(product);
