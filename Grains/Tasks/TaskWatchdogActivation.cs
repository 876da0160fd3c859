using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Tasks;

/// <summary>At silo start the tasks' watchdog is made sure of (its reminder then keeps it ticking, across restarts).</summary>
public sealed class TaskWatchdogActivation(IGrainFactory grains) : IStartupTask
{
    public Task Execute(CancellationToken cancellationToken) => grains.GetGrain<ITaskWatchdogGrain>(0).Ensure();
}
