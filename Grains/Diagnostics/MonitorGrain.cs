using Dapper;
using OpenC3.Grains.Abstractions.Diagnostics;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Diagnostics;

[StatelessWorker]
[GrainType("monitor")]
public sealed class MonitorGrain(SqlDatabase database) : Grain, IMonitorGrain
{
    public Task<IReadOnlyDictionary<string, long>> TaskStatuses() => CountByStatusAsync("SELECT status, COUNT(*) FROM openc3_job_task GROUP BY status");

    public Task<IReadOnlyDictionary<string, long>> SubtaskStatuses() => CountByStatusAsync("SELECT status, COUNT(*) FROM openc3_job_subtask WHERE status IS NOT NULL GROUP BY status");

    public async Task<IReadOnlyDictionary<string, string>?> ServerStatus(IReadOnlyList<string> names)
    {
        if (!database.IsMySql)
        {
            return null;
        }

        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Name, string Value)>("SHOW GLOBAL STATUS WHERE Variable_name IN @names", new { names });
        return rows.ToDictionary(r => r.Name, r => r.Value, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(string sql)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Status, long Count)>(sql);
        return rows.ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal);
    }
}
