using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Execution;

/// <summary>Writes captured `KEY:[value]` pairs of a host into `openc3_job_vv` (one row per project, node and key).</summary>
public sealed class VersionVariableStore(SqlDatabase database, TimeProvider clock)
{
    public async Task SaveAsync(long projectId, string node, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var sql = database.Upsert("openc3_job_vv", ["projectid", "node", "name", "value", "update_time"], ["projectid", "node", "name"], ["value", "update_time"]);
        var now = TimeFormat.Now(clock);
        await using var connection = await database.OpenAsync();
        foreach (var (name, value) in values)
        {
            await connection.ExecuteAsync(sql, new { projectid = projectId, node, name, value, update_time = now });
        }
    }
}
