using System.Text.RegularExpressions;
using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

[StatelessWorker]
[GrainType("tree")]
public sealed partial class TreeGrain(SqlDatabase database, TimeProvider clock) : Grain, ITreeGrain
{
    public Task<IReadOnlyList<TreeNode>> List() => ListAsync(database);

    /// <summary>The whole tree, for silo services that need it outside a grain call.</summary>
    public static async Task<IReadOnlyList<TreeNode>> ListAsync(SqlDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<TreeRow>("SELECT id AS Id, name AS Name, len AS Len, update_time AS UpdateTime FROM openc3_connector_tree ORDER BY id");
        return rows.Select(r => new TreeNode(r.Id, r.Name, (int)r.Len, r.UpdateTime)).ToList();
    }

    public async Task<TreeChange> Add(long? parentId, string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            return new TreeChange(null, $"check format fail name format error (?^:{NamePattern()})");
        }

        await using var connection = await database.OpenAsync();
        var fullName = name;
        if (parentId is { } parent)
        {
            var parentName = await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM openc3_connector_tree WHERE id = @parent", new { parent });
            if (parentName is null)
            {
                return new TreeChange(null, "parent node does not exist");
            }

            fullName = $"{parentName}.{name}";
        }

        if (fullName.Length > 200)
        {
            return new TreeChange(null, "full name longer than 200 characters");
        }

        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM openc3_connector_tree WHERE name = @fullName", new { fullName }) > 0)
        {
            return new TreeChange(null, $"{fullName} already exists");
        }

        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO openc3_connector_tree (name, len, update_time) VALUES (@fullName, @len, @now); SELECT id FROM openc3_connector_tree WHERE name = @fullName",
            new { fullName, len = fullName.Count(c => c == '.') + 1, now = TimeFormat.Now(clock) });
        await GrainFactory.GetGrain<IAccessGrain>(0).Invalidate();
        return new TreeChange(id, null);
    }

    public async Task<string?> Delete(long id)
    {
        await using var connection = await database.OpenAsync();
        var name = await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM openc3_connector_tree WHERE id = @id", new { id });
        if (name is null)
        {
            return "node does not exist";
        }

        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM openc3_connector_tree WHERE name LIKE @prefix ESCAPE '!'", new { prefix = Like.Escape(name) + ".%" }) > 0)
        {
            return "It's not a leaf node";
        }

        await connection.ExecuteAsync("DELETE FROM openc3_connector_tree WHERE id = @id", new { id });
        await GrainFactory.GetGrain<IAccessGrain>(0).Invalidate();
        return null;
    }

    // Dapper converts column types into settable properties (SQLite returns every integer as Int64).
    private sealed class TreeRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public long Len { get; set; }

        public string UpdateTime { get; set; } = string.Empty;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
