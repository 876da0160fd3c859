using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Environment;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Environment;

[StatelessWorker]
[Reentrant]
[GrainType("environment")]
public sealed class EnvironmentGrain(SqlDatabase database, TimeProvider clock) : Grain, IEnvironmentGrain
{
    private const string Table = "openc3_job_environment";

    public async Task<IReadOnlyDictionary<string, string>> GetAll()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Key, string Value)>($"SELECT `key`, `value` FROM {Table}");
        var values = new SortedDictionary<string, string>(EnvironmentDefaults.Values.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in rows)
        {
            values[key] = value;
        }

        return values;
    }

    public async Task<int> Set(IReadOnlyDictionary<string, string> values, string user)
    {
        var sql = database.Upsert(Table, ["key", "value", "create_user", "create_time"], ["key"], ["value", "create_user", "create_time"]);
        var now = TimeFormat.Now(clock);
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (key, value) in values)
        {
            await connection.ExecuteAsync(sql, new { key, value, create_user = user, create_time = now }, transaction);
        }

        await transaction.CommitAsync();
        await GrainFactory.GetGrain<IEnvironmentSnapshotGrain>(0).Drop();
        return values.Count;
    }

    public async Task<int> Delete(IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        int removed;
        await using (var connection = await database.OpenAsync())
        {
            removed = await connection.ExecuteAsync($"DELETE FROM {Table} WHERE `key` IN @keys", new { keys });
        }

        await GrainFactory.GetGrain<IEnvironmentSnapshotGrain>(0).Drop();
        return removed;
    }
}
