using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Execution;

/// <summary>Writes captured `KEY:[value]` pairs of hosts into `openc3_job_vv` (one row per project, node and key).</summary>
public sealed class VersionVariableStore(SqlDatabase database, TimeProvider clock)
{
    /// <summary>The values of several hosts in one transaction; nothing is written when none has any.</summary>
    public async Task SaveAsync(long projectId, IReadOnlyList<(string Node, IReadOnlyDictionary<string, string> Values)> nodes)
    {
        var rows = nodes.SelectMany(n => n.Values.Select(v => (n.Node, Name: v.Key, Value: v.Value))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var sql = database.Upsert("openc3_job_vv", ["projectid", "node", "name", "value", "update_time"], ["projectid", "node", "name"], ["value", "update_time"]);
        var now = TimeFormat.Now(clock);
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (node, name, value) in rows)
        {
            await connection.ExecuteAsync(sql, new { projectid = projectId, node, name, value, update_time = now }, transaction);
        }

        await transaction.CommitAsync();
    }
}
