using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Tasks;

/// <summary>
/// The tasks' one watchdog sweeps unfinished task rows every minute. A start that died between its row and its state
/// (the row says `running`, no task state exists) must not stay `running` for ever.
/// </summary>
[StartEarly]
public abstract class TaskWatchdogTests(EmbeddedProduct product)
{
    [Fact]
    public async Task AStartThatDiedAfterItsRowWasWritten_IsEndedFailByTheWatchdog_NotLeftRunning()
    {
        // What a silo that died between a start's two writes leaves behind, started well before the watchdog's grace.
        var uuid = "lost" + Guid.NewGuid().ToString("N")[..7] + "x";
        await ExecuteSqlAsync(
            product,
            "INSERT INTO openc3_job_task (projectid, uuid, name, user, slave, status, starttimems, starttime, calltype, jobtype, jobuuid, mutex, variable) " +
            "VALUES (0, @uuid, 'lost-start', 'admin', 'gone', 'running', '1765000000.000', '2025-12-06 05:46:40', 'page', 'plugin', '', '', '')",
            new { uuid });

        using var app = product.App();
        Assert.Equal("running", (await app.GetAsync($"{J}/task/0/{uuid}")).Data().GetProperty("status").GetString());
        var ended = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"{J}/task/0/{uuid}")).Data(),
            t => t.GetProperty("status").GetString() != "running",
            TimeSpan.FromMinutes(2),
            "the watchdog's sweep (every minute) to end the lost start");
        Assert.Equal("fail", ended.GetProperty("status").GetString());
        Assert.Equal("lost: the product stopped before the task started", ended.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(ended.GetProperty("finishtime").GetString()), ended.ToString());
    }
}

public sealed class SqliteTaskWatchdogTests(EmbeddedProduct product) : TaskWatchdogTests(product), IClassFixture<EmbeddedProduct>;

public sealed class MariaDbTaskWatchdogTests(MariaDbEmbeddedProduct product) : TaskWatchdogTests(product), IClassFixture<MariaDbEmbeddedProduct>;
