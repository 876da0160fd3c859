using Microsoft.Extensions.Logging;
using OpenC3.Grains.Abstractions.Crontabs;

namespace OpenC3.Grains.Crontabs;

/// <summary>
/// Wakes every available crontab, so schedules run (and missed minutes are recorded) without waiting for
/// the watchdog reminders. A wake is idempotent: each silo may do it, as often as it likes.
/// </summary>
public sealed class CrontabWaker(IGrainFactory grains, ILogger<CrontabWaker> logger)
{
    public async Task WakeAllAsync(string why, CancellationToken cancellationToken)
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
                // The watchdog reminder retries within a minute; one bad crontab must not stop the others.
                logger.LogWarning(error, "Crontab {Crontab} could not be woken ({Why})", id, why);
            }
        });
        logger.LogInformation("Woke {Count} available crontabs ({Why})", ids.Count, why);
    }
}
