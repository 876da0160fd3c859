using Dapper;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Connector;

[GrainType("access")]
public sealed class AccessGrain(SqlDatabase database) : Grain, IAccessGrain
{
    private Task<AccessSnapshot>? snapshot;

    public async Task<bool?> Check(string user, string point, long treeId) =>
        PermissionPolicy.Check(await Snapshot(), user, point, treeId);

    public async Task<int?> GlobalLevel(string user) =>
        (await Snapshot()).GlobalLevels.TryGetValue(user, out var level) ? level : null;

    public async Task<IReadOnlyList<long>> GrantedNodes(string user) =>
        (await Snapshot()).TreeLevels.Keys.Where(k => k.User == user).Select(k => k.Tree).ToList();

    public Task Invalidate()
    {
        snapshot = null;
        return Task.CompletedTask;
    }

    private Task<AccessSnapshot> Snapshot()
    {
        var current = snapshot ??= LoadAsync();
        if (current.IsFaulted)
        {
            // A failed read must not be cached: the next check tries the database again.
            snapshot = null;
        }

        return current;
    }

    private async Task<AccessSnapshot> LoadAsync()
    {
        await using var connection = await database.OpenAsync();
        var global = await connection.QueryAsync<(string Name, int Level)>("SELECT name, level FROM openc3_connector_userauth");
        var tree = await connection.QueryAsync<(string Name, long Tree, int Level)>("SELECT name, tree, level FROM openc3_connector_userauthtree");
        var nodes = await connection.QueryAsync<(long Id, string Name)>("SELECT id, name FROM openc3_connector_tree");
        var owners = await connection.QueryAsync<(long Id, string User)>("SELECT id, user FROM openc3_connector_private");
        return new AccessSnapshot(
            global.ToDictionary(g => g.Name, g => g.Level, StringComparer.Ordinal),
            tree.GroupBy(t => (t.Name, t.Tree)).ToDictionary(g => g.Key, g => g.Max(t => t.Level)),
            AccessSnapshot.ParentsOf(nodes),
            owners.ToDictionary(o => o.Id, o => o.User));
    }
}
