namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>Everything a permission decision needs, read at once: grants, the tree's parent links, private-node owners.</summary>
public sealed record AccessSnapshot(
    IReadOnlyDictionary<string, int> GlobalLevels,
    IReadOnlyDictionary<(string User, long Tree), int> TreeLevels,
    IReadOnlyDictionary<long, long> Parents,
    IReadOnlyDictionary<long, string> PrivateOwners)
{
    public static readonly AccessSnapshot Empty = new(
        new Dictionary<string, int>(), new Dictionary<(string, long), int>(), new Dictionary<long, long>(), new Dictionary<long, string>());

    /// <summary>Parent links from dotted full names: `a.b.c` hangs under `a.b`.</summary>
    public static IReadOnlyDictionary<long, long> ParentsOf(IEnumerable<(long Id, string Name)> nodes)
    {
        var list = nodes.ToList();
        var byName = list.ToDictionary(n => n.Name, n => n.Id, StringComparer.Ordinal);
        var parents = new Dictionary<long, long>();
        foreach (var (id, name) in list)
        {
            var dot = name.LastIndexOf('.');
            if (dot > 0 && byName.TryGetValue(name[..dot], out var parent))
            {
                parents[id] = parent;
            }
        }

        return parents;
    }
}
