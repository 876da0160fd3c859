namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// The one watchdog of all unfinished tasks (key 0): every minute it wakes each task whose row is not final, so a task
/// whose silo died carries on elsewhere. One reminder for the cluster instead of one per task.
/// </summary>
[Alias("openc3.ITaskWatchdogGrain")]
public interface ITaskWatchdogGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the watchdog's reminder if it is not yet; each silo calls it at start.</summary>
    Task Ensure();

    /// <summary>Wakes every unfinished task now; returns how many there were.</summary>
    Task<int> Sweep();
}
