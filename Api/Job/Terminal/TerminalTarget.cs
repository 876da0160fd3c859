using Microsoft.Extensions.Options;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>
/// The checked query of a terminal (`node`, `sudo`, `bash`, `siteaddr`), read alike by the page and its websocket:
/// every host must be on the tree node (node 0 is unguarded, as for tasks), the account is a plain name (it reaches
/// the host in `sudo -n -u`), and `siteaddr` is this site's own address.
/// </summary>
public sealed record TerminalTarget(IReadOnlyList<string> Hosts, string? Account, bool Single, string? SiteAddress)
{
    /// <summary>Upstream's `sudo` rule.</summary>
    private const string AccountPattern = "^[a-zA-Z][0-9a-zA-Z_-]+$";

    private const string HostsPattern = "^[A-Za-z0-9][A-Za-z0-9._:-]*(,[A-Za-z0-9][A-Za-z0-9._:-]*)*$";

    public static async Task<(TerminalTarget? Target, string? Refusal)> ReadAsync(HttpContext context, IGrainFactory grains, long treeId)
    {
        var input = (await RequestParams.ReadAsync(context.Request)).WithoutBlank("sudo", "siteaddr");
        if (new Check(input).Required("node", HostsPattern).Optional("sudo", AccountPattern).Failure is { } failure)
        {
            return (null, failure);
        }

        var siteAddress = input.Text("siteaddr");
        if (siteAddress is not null && !context.RequestServices.GetRequiredService<TrustedOrigins>().IsOwnSite(context.Request, siteAddress))
        {
            return (null, "check format fail siteaddr format error");
        }

        var hosts = input.Text("node")!.Split(',').Distinct(StringComparer.Ordinal).ToList();
        var single = PerlTruth.IsTrue(input, "bash");
        var maxHosts = context.RequestServices.GetRequiredService<IOptionsMonitor<TerminalOptions>>().CurrentValue.MaxHosts;
        if (single && hosts.Count > 1)
        {
            return (null, "bash opens one node");
        }

        if (hosts.Count > maxHosts)
        {
            return (null, $"too many nodes: at most {maxHosts}");
        }

        if (treeId != 0 && MachineMembership.Outsiders(await grains.GetGrain<INodeInventoryGrain>(0).Machines(treeId), hosts) is { Count: > 0 } outsiders)
        {
            return (null, $"the node not on tree: {string.Join(',', outsiders)}");
        }

        return (new TerminalTarget(hosts, input.Text("sudo"), single, siteAddress), null);
    }
}
