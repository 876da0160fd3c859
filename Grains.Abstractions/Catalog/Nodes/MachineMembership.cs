
namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Whether hosts belong to a tree node: a host is known by its name, inner or outer address.</summary>
public static class MachineMembership
{
    /// <summary>The hosts that are none of the machines' names or addresses, in the order given.</summary>
    /// <remarks>Connector resources may list several addresses in one field, comma-separated.</remarks>
    public static IReadOnlyList<string> Outsiders(IEnumerable<MachineInfo> machines, IEnumerable<string> hosts)
    {
        var known = machines
            .SelectMany(m => m.InIp.Split(',').Concat(m.ExIp.Split(',')).Append(m.Name))
            .Where(a => a.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        return hosts.Where(h => !known.Contains(h)).ToList();
    }
}
