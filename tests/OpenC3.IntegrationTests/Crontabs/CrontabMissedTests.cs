using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Crontabs;

/// <summary>A minute that passed while the product was down is recorded as a failed run with the reason, never run late.</summary>
[StartEarly]
public sealed class CrontabMissedTests(ExecutionProduct product) : IClassFixture<ExecutionProduct>
{
    [Fact]
    public async Task AMinuteMissedWhileDown_IsAFailedRunWithTheReason_AndNotRunLate()
    {
        using var app = product.App();
        using var runs = new CronRuns(app, $"missed-{Guid.NewGuid():N}"[..20], TestServers.SshHosts[31]);
        await runs.ScheduleAsync();
        await runs.WaitForRunsAsync(1);
        // Killed only once the first run is over: a run killed mid-step would wait for a decision instead.
        var first = CronRuns.MinuteOf(Assert.Single(await runs.WaitFinishedAsync()));
        var missed = CronRuns.Parse(first).AddMinutes(1);

        // Down from just after the first run until well past the next minute's grace.
        var downUntil = missed.AddSeconds(25);
        await product.CrashAndRestartAsync(() => Task.Delay(downUntil > DateTime.Now ? downUntil - DateTime.Now : TimeSpan.Zero));

        var recorded = await Eventually.WaitAsync(
            runs.TasksAsync,
            tasks => tasks.Any(t => t.GetProperty("reason").GetString()?.StartsWith("missed:", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(90),
            "the missed minute in the task list");
        await runs.SwitchOffAsync();

        var row = Assert.Single(recorded, t => t.GetProperty("reason").GetString()?.StartsWith("missed:", StringComparison.Ordinal) == true);
        Assert.StartsWith($"missed: cluster down at {missed:yyyy-MM-dd HH:mm}:00", row.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(("fail", "crontab", $"{missed:yyyy-MM-dd HH:mm}"), (row.GetProperty("status").GetString(), row.GetProperty("calltype").GetString(), CronRuns.MinuteOf(row)));
        Assert.Equal("fail", (await app.GetAsync($"{J}/task/0/{row.GetProperty("uuid").GetString()}")).Data().GetProperty("status").GetString());

        // The missed minute never ran: one mark per run that started, and one row per minute.
        var tasks = await runs.WaitFinishedAsync();
        Assert.Equal(tasks.Count(t => t.GetProperty("status").GetString() == "success"), runs.MarkedRuns());
        Assert.Equal(tasks.Count, tasks.Select(CronRuns.MinuteOf).Distinct().Count());
    }
}
