using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Grains.Files;

/// <summary>One download link, held in memory for its lifetime. A guessed or expired name leaves nothing behind.</summary>
[GrainType("downloadlink")]
public sealed class DownloadLinkGrain(TimeProvider clock) : Grain, IDownloadLinkGrain
{
    private DownloadTarget? target;
    private DateTimeOffset expires;

    public Task Offer(DownloadTarget target, TimeSpan lifetime)
    {
        this.target = target;
        expires = clock.GetUtcNow() + lifetime;
        DelayDeactivation(lifetime);
        return Task.CompletedTask;
    }

    public Task<DownloadTarget?> Resolve()
    {
        if (target is null || clock.GetUtcNow() >= expires)
        {
            DeactivateOnIdle();
            return Task.FromResult<DownloadTarget?>(null);
        }

        return Task.FromResult<DownloadTarget?>(target);
    }
}
