using Microsoft.Extensions.Logging;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Execution;

/// <summary>
/// A step's host reports on their way to its grain, coalesced: while one batch is delivered the next gathers, so
/// hundreds of hosts ending together cost a few grain turns and state writes instead of two per host. A batch of
/// only sessions waits <see cref="SessionDelay"/> for company first: a host that ends by then never needs its own
/// write for its session (a crash meanwhile is covered by the stop by the step's tag). A batch storage refused is
/// offered again until <see cref="ReportFor"/> has passed; the grain's watchdog recovers the step after that.
/// </summary>
public sealed class HostReports(Func<IReadOnlyList<HostReport>, Task> deliver, ILogger logger)
{
    public static readonly TimeSpan SessionDelay = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan ReportFor = TimeSpan.FromMinutes(30);

    /// <summary>Reports per grain call, so one message and one state write stay moderate on wide steps.</summary>
    private const int BatchSize = 256;

    private readonly Lock gate = new();
    private readonly List<(HostReport Report, TaskCompletionSource Delivered)> queued = [];
    private TaskCompletionSource finishedQueued = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool delivering;

    /// <summary>Queues a session; it is delivered with the next batch.</summary>
    public void Started(HostReport report) => _ = Queue(report);

    /// <summary>Queues how a host ended; completes once it was delivered (or given up on).</summary>
    public Task Finished(HostReport report) => Queue(report);

    private Task Queue(HostReport report)
    {
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (gate)
        {
            queued.Add((report, delivered));
            if (report.Outcome is not null)
            {
                finishedQueued.TrySetResult();
            }

            start = !delivering;
            delivering = true;
        }

        if (start)
        {
            _ = Task.Run(DeliverAllAsync);
        }

        return delivered.Task;
    }

    private async Task DeliverAllAsync()
    {
        while (true)
        {
            Task finishing;
            lock (gate)
            {
                finishing = finishedQueued.Task;
            }

            await Task.WhenAny(finishing, Task.Delay(SessionDelay));
            List<(HostReport Report, TaskCompletionSource Delivered)> batch;
            lock (gate)
            {
                if (queued.Count == 0)
                {
                    delivering = false;
                    return;
                }

                batch = queued.GetRange(0, Math.Min(BatchSize, queued.Count));
                queued.RemoveRange(0, batch.Count);
                if (!queued.Any(q => q.Report.Outcome is not null))
                {
                    finishedQueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            await DeliverAsync(batch.Select(b => b.Report).ToList());
            foreach (var (_, delivered) in batch)
            {
                delivered.TrySetResult();
            }
        }
    }

    private async Task DeliverAsync(IReadOnlyList<HostReport> batch)
    {
        var giveUp = DateTimeOffset.UtcNow + ReportFor;
        for (var failed = 1; ; failed++)
        {
            try
            {
                await deliver(batch);
                return;
            }
            catch (Exception error) when (DateTimeOffset.UtcNow < giveUp)
            {
                var delay = RetryBackoff.Delay(failed);
                logger.LogWarning("Could not report {Count} host(s) ({Error}); again in {Delay} s", batch.Count, error.Message, delay.TotalSeconds);
                await Task.Delay(delay);
            }
            catch (Exception error)
            {
                logger.LogError(error, "Could not report {Count} host(s); giving up", batch.Count);
                return;
            }
        }
    }
}
