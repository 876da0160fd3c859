using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Agent;

/// <summary>
/// Which subnet chooses the path to a host. The subnets bound at the host's tree node come first, then those of
/// its ancestors (nearest first), then node 0's: the first level with a match decides. Within that level the
/// most specific match wins: a CIDR with the longest prefix, then a `/regex/` (it names hosts but says nothing
/// about how many), and among equals the subnet added first. No match anywhere: the host is reached directly.
/// </summary>
public static class ProxyRouteRule
{
    private const int RegexRank = -1;

    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(200);

    /// <summary>A subnet or /regex/ (as stored) bound to a region at one level of the lineage.</summary>
    public sealed record BoundSubnet(long Id, string Entry, long RegionId);

    /// <summary>A proxy of a region as the check loop left it.</summary>
    public sealed record ProxyRow(long Id, string Ip, string Status);

    /// <param name="levels">The bound subnets of the node, then of each ancestor, then of node 0.</param>
    public static BoundSubnet? Choose(IReadOnlyList<IReadOnlyList<BoundSubnet>> levels, string host)
    {
        var address = IPAddress.TryParse(host, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetwork ? parsed : null;
        foreach (var level in levels)
        {
            var best = level
                .Select(s => (Subnet: s, Rank: Rank(s.Entry, host, address)))
                .Where(m => m.Rank is not null)
                .OrderByDescending(m => m.Rank)
                .ThenBy(m => m.Subnet.Id)
                .FirstOrDefault();
            if (best.Subnet is not null)
            {
                return best.Subnet;
            }
        }

        return null;
    }

    /// <summary>The order proxies are tried in: those the check loop last saw answer first, each group as added.</summary>
    public static IReadOnlyList<string> TryOrder(IEnumerable<ProxyRow> proxies) =>
        proxies.OrderBy(p => p.Status == ProxyHealth.Success ? 0 : 1).ThenBy(p => p.Id).Select(p => p.Ip).ToList();

    /// <summary>The prefix length of a matching CIDR, <see cref="RegexRank"/> for a matching regex, null when it does not match.</summary>
    private static int? Rank(string entry, string host, IPAddress? address)
    {
        if (entry is ['/', _, .., '/'])
        {
            return MatchesPattern(entry[1..^1], host) ? RegexRank : null;
        }

        return address is not null && Cidr(entry) is { } cidr && (Bits(address) & cidr.Mask) == (cidr.Network & cidr.Mask) ? cidr.Prefix : null;
    }

    /// <summary>Upstream stores CIDRs with host bits set (`10.1.2.3/24`); the network is what the prefix keeps of it.</summary>
    private static (uint Network, uint Mask, int Prefix)? Cidr(string entry)
    {
        var cut = entry.IndexOf('/', StringComparison.Ordinal);
        if (cut < 0
            || !IPAddress.TryParse(entry[..cut], out var network)
            || network.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(entry[(cut + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)
            || prefix > 32)
        {
            return null;
        }

        return (Bits(network), prefix == 0 ? 0u : uint.MaxValue << (32 - prefix), prefix);
    }

    private static uint Bits(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static bool MatchesPattern(string pattern, string host)
    {
        try
        {
            return Regex.IsMatch(host, pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexBudget);
        }
        catch (Exception error) when (error is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
