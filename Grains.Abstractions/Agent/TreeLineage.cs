using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>
/// A tree node's ancestors, nearest first, found by its dotted full name (`a.b.c` descends from `a.b` and `a`),
/// as upstream's inherit table holds them; proxy settings are inherited along this line, then from node 0.
/// </summary>
public static class TreeLineage
{
    public sealed record Lineage(TreeNode Node, IReadOnlyList<long> Ancestors);

    public static Lineage? Of(IReadOnlyList<TreeNode> tree, long treeId)
    {
        if (tree.FirstOrDefault(n => n.Id == treeId) is not { } node)
        {
            return null;
        }

        var idOfName = tree.ToDictionary(n => n.Name, n => n.Id, StringComparer.Ordinal);
        var ancestors = new List<long>();
        for (var cut = node.Name.LastIndexOf('.'); cut > 0; cut = node.Name.LastIndexOf('.', cut - 1))
        {
            if (idOfName.TryGetValue(node.Name[..cut], out var ancestor))
            {
                ancestors.Add(ancestor);
            }
        }

        return new Lineage(node, ancestors);
    }
}
