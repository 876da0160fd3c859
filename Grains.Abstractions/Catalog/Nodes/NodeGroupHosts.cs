using System.Text.Json;

namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// The hosts of a node group. Plugin `node`: params is a CSV of hosts (a JSON array of hosts works too).
/// Plugin `type`: params is a CSV of machine types; the hosts are the tree node's machines of those types,
/// each by its inner ip, else its outer ip, else its name.
/// </summary>
public static class NodeGroupHosts
{
    public const string NodePlugin = "node";
    public const string TypePlugin = "type";

    public static readonly string[] Plugins = [NodePlugin, TypePlugin];

    public static IReadOnlyList<string> Listed(string paramsJson) => Csv(paramsJson);

    public static IReadOnlyList<string> OfTypes(string paramsJson, IEnumerable<MachineInfo> machines)
    {
        var types = Csv(paramsJson).ToHashSet(StringComparer.Ordinal);
        return machines
            .Where(m => types.Contains(m.Type))
            .Select(m => m.InIp is { Length: > 0 } ? m.InIp : m.ExIp is { Length: > 0 } ? m.ExIp : m.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> Csv(string paramsJson)
    {
        using var document = JsonDocument.Parse(paramsJson);
        var root = document.RootElement;
        var items = root.ValueKind switch
        {
            JsonValueKind.String => root.GetString()!.Split(','),
            JsonValueKind.Array => root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            _ => [],
        };
        return items.Select(item => item.Trim()).Where(item => item.Length > 0).ToList();
    }
}
