using OpenC3.Api.Infrastructure;
using OpenC3.Api.Monitor;
using OpenC3.Grains.Abstractions.Agent;

namespace OpenC3.Api.Agent;

/// <summary>
/// `/monitor/metrics/app|mysql` of the agent module: no login, as upstream (its login hook exempts `^/mon`); counts only.
/// `mysql` is the job module's answer (one database serves both).
/// </summary>
public static class AgentMonitorApi
{
    private static readonly string[] Statuses = ["fail", "success"];

    public static RouteGroupBuilder MapAgentMonitorApi(this RouteGroupBuilder agent)
    {
        agent.MapGet("/monitor/metrics/app", AppMetrics).NoLogin("upstream's monitor scrape: counters only");
        agent.MapGet("/monitor/metrics/mysql", MonitorApi.DatabaseMetrics).NoLogin("upstream's monitor scrape: counters only");
        return agent;
    }

    /// <summary>
    /// `proxy_*` and `agent_*` count the `fail` and `success` rows of the proxies and of the hosts the check loops probed
    /// (`openc3_agent_monitor`), totals their sum; `check_total` the nodes whose check is on. Upstream counted proxies for
    /// `agent_*` too (a copied query); here they count the probed hosts.
    /// </summary>
    private static async Task<IResult> AppMetrics(IGrainFactory grains)
    {
        var counts = await grains.GetGrain<IAgentCheckGrain>(0).Counts();
        var data = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (prefix, byStatus) in new[] { ("proxy", counts.Proxies), ("agent", counts.Hosts) })
        {
            foreach (var status in Statuses)
            {
                data[$"{prefix}_{status}"] = byStatus.GetValueOrDefault(status);
            }

            data[$"{prefix}_total"] = Statuses.Sum(s => data[$"{prefix}_{s}"]);
        }

        data["check_total"] = counts.ChecksOn;
        return Reply.Ok(data);
    }
}
