using Microsoft.Extensions.Logging.Abstractions;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Execution;

namespace OpenC3.UnitTests;

public sealed class HostReportsTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ReportsQueuedWhileABatchIsDelivered_GoTogetherInTheNext_InOrder()
    {
        var batches = new List<IReadOnlyList<HostReport>>();
        var firstHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reports = new HostReports(
            async batch =>
            {
                lock (batches)
                {
                    batches.Add(batch);
                }

                if (batches.Count == 1)
                {
                    await firstHeld.Task;
                }
            },
            NullLogger.Instance);

        var first = reports.Finished(Finished("h1"));
        await WaitUntilAsync(() => batches.Count == 1);
        reports.Started(HostReport.Started("h3", 1, "300:5"));
        var later = Enumerable.Range(2, 200).Select(i => reports.Finished(Finished($"h{i}"))).ToList();
        Assert.False(first.IsCompleted, "a finished host's report completes once delivered");

        firstHeld.SetResult();
        await Task.WhenAll(later.Append(first)).WaitAsync(Bounded);
        Assert.Equal(2, batches.Count);
        Assert.Equal(["h3", .. Enumerable.Range(2, 200).Select(i => $"h{i}")], batches[1].Select(r => r.Host));
        Assert.Equal("300:5", batches[1][0].Session);
    }

    [Fact]
    public async Task ASessionAlone_WaitsForCompany_AndGoesWithTheFinishedReportOfItsHost()
    {
        var batches = new List<IReadOnlyList<HostReport>>();
        var reports = new HostReports(
            batch =>
            {
                lock (batches)
                {
                    batches.Add(batch);
                }

                return Task.CompletedTask;
            },
            NullLogger.Instance);

        reports.Started(HostReport.Started("h1", 1, "100:5"));
        await reports.Finished(Finished("h1")).WaitAsync(Bounded);
        var batch = Assert.Single(batches);
        Assert.Equal([null, 0], batch.Select(r => r.Outcome?.ExitCode));
    }

    [Fact]
    public async Task ASessionAlone_IsStillDelivered_AfterItsDelay()
    {
        var delivered = new TaskCompletionSource<IReadOnlyList<HostReport>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reports = new HostReports(batch => Task.FromResult(delivered.TrySetResult(batch)), NullLogger.Instance);

        reports.Started(HostReport.Started("h1", 1, "100:5"));
        var batch = await delivered.Task.WaitAsync(Bounded);
        Assert.Equal("100:5", Assert.Single(batch).Session);
    }

    [Fact]
    public async Task ARefusedBatch_IsOfferedAgain()
    {
        var attempts = 0;
        var reports = new HostReports(
            _ => ++attempts == 1 ? throw new InvalidOperationException("storage away") : Task.CompletedTask,
            NullLogger.Instance);

        await reports.Finished(Finished("h1")).WaitAsync(Bounded);
        Assert.Equal(2, attempts);
    }

    private static HostReport Finished(string host) => HostReport.Finished(host, 1, 0, null, "ok\n");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bounded;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
