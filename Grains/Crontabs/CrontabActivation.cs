using Microsoft.Extensions.Logging;
using OpenC3.Grains.Abstractions.Crontabs;

namespace OpenC3.Grains.Crontabs;

/// <summary>
/// At silo start every available crontab is woken, so schedules run (and minutes missed while the cluster
/// was down are recorded) without waiting for the watchdog reminders. Each silo does it; a wake is idempotent.
/// </summary>
public sealed class CrontabActivation(IGrainFactory grains, ILogger<CrontabActivation> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var ids = await grains.GetGrain<ICrontabsGrain>(0).Available();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, _) =>
        {
            try
            {
                await grains.GetGrain<ICrontabGrain>(id).Refresh();
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The watchdog reminder retries within a minute; one bad crontab must not stop the silo.
                logger.LogWarning(error, "Crontab {Crontab} could not be woken at start", id);
            }
        });
        logger.LogInformation("Woke {Count} available crontabs", ids.Count);
    }
}
