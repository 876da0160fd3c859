using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Execution;

namespace OpenC3.Grains.Agent;

/// <summary>
/// The check loop of one tree node: the proxies of its regions, then every address of the machines placed on it. A one-shot timer re-armed after each round (rounds never overlap) does the work;
/// a one-minute watchdog reminder brings the loop back after its silo died. Each round reads the switch first, so
/// switching off stops the loop at its next round at the latest.
/// </summary>
[GrainType("agentcheckloop")]
public sealed class AgentCheckLoopGrain(ProxyCheckStore store, HostCheckStore hosts, SshProbe probe, IOptions<AgentOptions> options, ILogger<AgentCheckLoopGrain> logger)
    : Grain, IAgentCheckLoopGrain, IRemindable
{
    private const string WatchdogReminder = "watchdog";
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMinutes(1);

    /// <summary>The silo's name in `slave`, as upstream records the host that ran the check.</summary>
    private static readonly string Slave = System.Environment.MachineName.ToLowerInvariant();

    private IGrainTimer? timer;

    private long TreeId => this.GetPrimaryKeyLong();

    public Task Wake() => WakeAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => WakeAsync();

    private async Task WakeAsync()
    {
        if (!await store.IsOnAsync(TreeId))
        {
            await StopAsync();
            return;
        }

        if (timer is null)
        {
            await this.RegisterOrUpdateReminder(WatchdogReminder, WatchdogPeriod, WatchdogPeriod);
            timer = this.RegisterGrainTimer(RoundAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    /// <summary>The next round is armed whatever this one met (a database away, say), unless the switch is off.</summary>
    private async Task RoundAsync()
    {
        if (!await store.IsOnAsync(TreeId))
        {
            await StopAsync();
            return;
        }

        try
        {
            await store.StartedAsync(TreeId, Slave);
            await CheckProxiesAsync();
            await CheckHostsAsync();
            await store.FinishedAsync(TreeId);
        }
        finally
        {
            timer?.Change(options.Value.CheckInterval, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task CheckProxiesAsync()
    {
        var proxies = await store.ProxiesAsync(TreeId);
        var outcomes = await Task.WhenAll(proxies.Select(p => p.Ip).Distinct(StringComparer.Ordinal).Select(async ip => (ip, outcome: await probe.ProbeAsync(SshTarget.Direct(ip)))));
        var outcomeOf = outcomes.ToDictionary(o => o.ip, o => o.outcome, StringComparer.Ordinal);
        foreach (var proxy in proxies)
        {
            var outcome = outcomeOf[proxy.Ip];
            if (outcome.Failure is not null)
            {
                logger.LogInformation("Proxy {Ip} of tree node {TreeId} did not answer: {Reason}", proxy.Ip, TreeId, outcome.Failure);
            }

            await store.RecordAsync(proxy.Id, ProxyHealth.After(proxy.Health, outcome.Failure), outcome.Version);
        }
    }

    /// <summary>Each host is probed as a task on this node reaches it: through its region's proxies when a subnet says so.</summary>
    private async Task CheckHostsAsync()
    {
        var addresses = CheckedAddresses.Of(await GrainFactory.GetGrain<INodeInventoryGrain>(0).Machines(TreeId));
        var failures = await hosts.FailuresAsync(TreeId);
        await Task.WhenAll(addresses.Select(async ip =>
        {
            var outcome = await probe.ProbeAsync(new SshTarget(ip, TreeId));
            await hosts.RecordAsync(TreeId, ip, HostHealth.After(failures.GetValueOrDefault(ip), outcome));
        }));
    }

    private async Task StopAsync()
    {
        timer?.Dispose();
        timer = null;
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        this.DeactivateOnIdle();
    }
}
