namespace OpenC3.Grains.Crontabs;

/// <summary>At silo start every available crontab is woken (minutes missed while the cluster was down are recorded).</summary>
public sealed class CrontabActivation(CrontabWaker waker) : IStartupTask
{
    public Task Execute(CancellationToken cancellationToken) => waker.WakeAllAsync("silo started", cancellationToken);
}
