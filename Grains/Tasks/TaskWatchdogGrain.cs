using Microsoft.Extensions.Logging;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// The one watchdog of all unfinished tasks. A reminder per task cost each start and each end a write through the
/// silo's single reminder service, on the path of every task; one reminder for the cluster ticks this grain every
/// minute instead, and it wakes the tasks their rows say are unfinished (a start writes the row before the state, so a
/// task whose silo died in its first moments is found too).
/// </summary>
[GrainType("task-watchdog")]
public sealed class TaskWatchdogGrain(TaskStore store, ILogger<TaskWatchdogGrain> logger) : Grain, ITaskWatchdogGrain, IRemindable
{
    private const string Tick = "sweep";

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>Tasks woken at once: enough to sweep thousands within the minute, few enough not to crowd out running tasks.</summary>
    private const int WakesInFlight = 32;

    public async Task Ensure()
    {
        if (await this.GetReminder(Tick) is null)
        {
            await this.RegisterOrUpdateReminder(Tick, Period, Period);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Sweep();

    public async Task<int> Sweep()
    {
        var uuids = await store.UnfinishedAsync();
        foreach (var batch in uuids.Chunk(WakesInFlight))
        {
            await Task.WhenAll(batch.Select(WakeAsync));
        }

        return uuids.Count;
    }

    private async Task WakeAsync(string uuid)
    {
        try
        {
            await GrainFactory.GetGrain<ITaskGrain>(uuid).Wake();
        }
        catch (Exception error)
        {
            // The next minute's sweep tries again; one task that cannot be woken must not stop the others.
            logger.LogWarning(error, "Task {Task} could not be woken by the watchdog", uuid);
        }
    }
}
