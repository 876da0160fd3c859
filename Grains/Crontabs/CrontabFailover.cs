using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OpenC3.Grains.Crontabs;

/// <summary>
/// When the cluster declares a silo dead, its crontabs had their timers there: every silo wakes all
/// crontabs at once, so they are re-activated on a survivor and fire from the next minute on instead of
/// waiting up to a minute for their watchdog reminder. The minute of the failover is fired once or
/// recorded missed by the crontab's own minute lock.
/// </summary>
public sealed class CrontabFailover(IClusterMembershipService membership, CrontabWaker waker, ILogger<CrontabFailover> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = membership.CurrentSnapshot;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var died = snapshot.CreateUpdate(known).Changes.Where(c => c.Status == SiloStatus.Dead).Select(c => c.SiloAddress.ToString()).ToList();
            known = snapshot;
            if (died.Count == 0)
            {
                continue;
            }

            logger.LogWarning("Silo {Silos} declared dead: waking the crontabs", string.Join(',', died));
            try
            {
                await waker.WakeAllAsync($"silo {string.Join(',', died)} died", stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Their watchdog reminders still bring them back within a minute.
                logger.LogWarning(error, "Could not wake the crontabs after silo {Silos} died", string.Join(',', died));
            }
        }
    }
}
