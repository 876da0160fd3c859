using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>Turns the flat node list (dotted full names) into upstream's nested `[{id, name, children}]`.</summary>
public static class TreeShape
{
    public static List<Dictionary<string, object>> Nest(IReadOnlyList<TreeNode> nodes)
    {
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var shaped = nodes.ToDictionary(n => n.Id, n => new Dictionary<string, object> { ["id"] = n.Id, ["name"] = n.Name[(n.Name.LastIndexOf('.') + 1)..] });
        var roots = new List<Dictionary<string, object>>();
        foreach (var node in nodes.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            var dot = node.Name.LastIndexOf('.');
            if (dot > 0 && byName.TryGetValue(node.Name[..dot], out var parent))
            {
                var siblings = (List<Dictionary<string, object>>)(shaped[parent.Id].TryGetValue("children", out var existing)
                    ? existing
                    : shaped[parent.Id]["children"] = new List<Dictionary<string, object>>());
                siblings.Add(shaped[node.Id]);
            }
            else
            {
                roots.Add(shaped[node.Id]);
            }
        }

        return roots;
    }

    /// <summary>What a user without a global level sees: nodes granted to them, their ancestors (to reach them) and descendants (inherited).</summary>
    public static IReadOnlyList<TreeNode> VisibleTo(IReadOnlyList<TreeNode> nodes, IReadOnlyCollection<long> granted)
    {
        var grantedNames = nodes.Where(n => granted.Contains(n.Id)).Select(n => n.Name).ToList();
        return nodes.Where(n => grantedNames.Any(g =>
                n.Name == g
                || n.Name.StartsWith(g + ".", StringComparison.Ordinal)
                || g.StartsWith(n.Name + ".", StringComparison.Ordinal)))
            .ToList();
    }
}
