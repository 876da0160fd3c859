using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Grains.Agent;

/// <summary>The addresses the check loop probes on a node, as upstream: every inner and outer address of its machines, once.</summary>
public static class CheckedAddresses
{
    /// <remarks>Connector resources may list several addresses in one field, comma-separated.</remarks>
    public static IReadOnlyList<string> Of(IEnumerable<MachineInfo> machines) =>
        machines.SelectMany(m => m.InIp.Split(',').Concat(m.ExIp.Split(',')))
            .Select(a => a.Trim())
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
