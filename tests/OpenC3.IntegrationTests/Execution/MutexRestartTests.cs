using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>A held mutex is durable: after kill -9 and a restart it still refuses a second task until its holder ends.</summary>
public abstract class MutexRestartTests(EmbeddedProduct product)
{
    [Fact]
    public async Task AfterKill9_TheMutexIsStillHeld_UntilItsTaskEnds()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var (job, mutex) = ($"durable-{tag}", $"d{tag}");
        string holder;
        using (var app = product.App())
        {
            await CreateJobAsync(app, 0, job, Cmd("hold", [TestServers.SshHosts[29]], "sleep $1", "$secs"));
            holder = await StartByNameAsync(app, 0, job, mutex, new { secs = "60" });
            await WaitTaskAsync(app, 0, holder, s => s == "running", "to run");
        }

        await product.CrashAndRestartAsync();

        using var after = product.App();
        var refused = await WaitFinishedAsync(after, 0, await StartByNameAsync(after, 0, job, mutex, new { secs = "1" }));
        Assert.Equal(("fail", $"task mutex from: {holder}"), (refused.Status(), refused.Reason()));

        Assert.Equal("kill task succcess", (await ApiClient.ReadAsync(await after.Http.DeleteAsync($"{J}/slave/any/killtask/{holder}"))).Info());
        Assert.Equal("fail", (await WaitFinishedAsync(after, 0, holder)).Status());
        Assert.Equal("success", (await WaitFinishedAsync(after, 0, await StartByNameAsync(after, 0, job, mutex, new { secs = "1" }))).Status());
    }
}

public sealed class SqliteMutexRestartTests(ExecutionProduct product) : MutexRestartTests(product), IClassFixture<ExecutionProduct>;

public sealed class MariaDbMutexRestartTests(MariaDbExecutionProduct product) : MutexRestartTests(product), IClassFixture<MariaDbExecutionProduct>;
