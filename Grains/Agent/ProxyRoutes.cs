using OpenC3.Grains.Abstractions.Agent;
using System.Collections.Concurrent;
using Dapper;
using OpenC3.Grains.Connector;
using OpenC3.Grains.Execution;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Agent;

/// <summary>
/// The path to a host of a tree node (<see cref="ProxyRouteRule"/>): the subnets bound at the node, its ancestors and
/// node 0, with their regions' proxies. A node's table is read once per <see cref="Freshness"/>, not per host, so a
/// wide step costs one read; a change of regions, subnets or proxies reaches new connections within that time.
/// </summary>
public sealed class ProxyRoutes(SqlDatabase database, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<long, (DateTimeOffset ReadAt, Task<RouteTable> Table)> tables = new();

    /// <summary>The proxies to reach <paramref name="host"/> of node <paramref name="treeId"/> through, or null for a direct connection.</summary>
    public async Task<ProxyRoute?> ForAsync(long treeId, string host)
    {
        var table = await TableAsync(treeId);
        return ProxyRouteRule.Choose(table.Levels, host) is { } subnet ? table.Routes[subnet.RegionId] : null;
    }

    private async Task<RouteTable> TableAsync(long treeId)
    {
        var now = clock.GetUtcNow();
        var cached = tables.AddOrUpdate(
            treeId,
            _ => (now, ReadAsync(treeId)),
            (_, old) => now - old.ReadAt < Freshness && !old.Table.IsFaulted ? old : (now, ReadAsync(treeId)));
        return await cached.Table;
    }

    private async Task<RouteTable> ReadAsync(long treeId)
    {
        var ancestors = TreeLineage.Of(await TreeGrain.ListAsync(database), treeId)?.Ancestors ?? [];
        IReadOnlyList<long> levels = [.. new[] { treeId }.Concat(ancestors).Append(0).Distinct()];
        await using var connection = await database.OpenAsync();
        var subnets = (await connection.QueryAsync<SubnetRow>(
            """
            SELECT a.id AS Id, a.ip AS Entry, b.regionid AS RegionId, b.projectid AS Level
            FROM openc3_agent_agent a JOIN openc3_agent_project_region_relation b ON b.id = a.relationid WHERE b.projectid IN @levels
            """,
            new { levels })).ToList();
        var regionIds = subnets.Select(s => s.RegionId).Distinct().ToList();
        var names = (await connection.QueryAsync<RegionRow>($"SELECT {RegionRow.Columns} FROM openc3_agent_region r WHERE r.id IN @regionIds", new { regionIds }))
            .ToDictionary(r => r.Id, r => r.Name);
        var proxies = (await connection.QueryAsync<CheckedRow>(
            $"SELECT {CheckedRow.Columns("p", "p.regionid")} FROM openc3_agent_proxy p WHERE p.regionid IN @regionIds", new { regionIds }))
            .ToLookup(p => p.RegionId, p => new ProxyRouteRule.ProxyRow(p.Id, p.Ip, p.Status));
        return new RouteTable(
            [.. levels.Select(level => (IReadOnlyList<ProxyRouteRule.BoundSubnet>)[.. subnets.Where(s => s.Level == level).Select(s => new ProxyRouteRule.BoundSubnet(s.Id, s.Entry, s.RegionId))])],
            regionIds.ToDictionary(id => id, id => new ProxyRoute(id, names.GetValueOrDefault(id, $"#{id}"), ProxyRouteRule.TryOrder(proxies[id]))));
    }

    private sealed record RouteTable(IReadOnlyList<IReadOnlyList<ProxyRouteRule.BoundSubnet>> Levels, IReadOnlyDictionary<long, ProxyRoute> Routes);

    private sealed class SubnetRow
    {
        public long Id { get; set; }

        public string Entry { get; set; } = string.Empty;

        public long RegionId { get; set; }

        public long Level { get; set; }
    }
}
