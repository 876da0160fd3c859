using System.Globalization;

namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>The shapes upstream answers version variables in: a node × name table, and version shares.</summary>
public static class VvShapes
{
    private const string DoPrefix = "Do_";

    /// <summary>Header `["NODE", names sorted…]`, then one row per node (sorted) with its value of each name or null.</summary>
    public static IReadOnlyList<IReadOnlyList<string?>> Table(IReadOnlyCollection<VvEntry> entries)
    {
        var names = entries.Select(e => e.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new List<IReadOnlyList<string?>> { names.Prepend("NODE").ToList() };
        foreach (var node in entries.GroupBy(e => e.Node).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var values = node.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            table.Add(names.Select(n => values.GetValueOrDefault(n)).Prepend(node.Key).ToList());
        }

        return table;
    }

    /// <summary>Values in the order given, each once, without `Do_…` (those are actions, not versions).</summary>
    public static IReadOnlyList<string> DistinctValues(IEnumerable<string> newestFirst) =>
        newestFirst.Where(v => !v.StartsWith(DoPrefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>`VERSION`, or `APP_&lt;x&gt;_VERSION` with a non-empty x.</summary>
    public static bool IsVersionName(string name) =>
        name == "VERSION" || (name.Length >= "APP__VERSION".Length && name.StartsWith("APP_", StringComparison.Ordinal) && name.EndsWith("_VERSION", StringComparison.Ordinal));

    /// <summary>Per version name (sorted), the share of each value among its rows, in percent with two decimals.</summary>
    public static IReadOnlyList<VersionShare> Shares(IEnumerable<(string Name, string Value)> rows) =>
        rows.Where(r => IsVersionName(r.Name))
            .GroupBy(r => r.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var total = g.Count();
                var data = g.GroupBy(r => r.Value).ToDictionary(
                    v => v.Key,
                    v => (100.0 * v.Count() / total).ToString("0.00", CultureInfo.InvariantCulture),
                    StringComparer.Ordinal);
                return new VersionShare(g.Key, data);
            })
            .ToList();
}
