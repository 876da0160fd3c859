using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Crontabs;
using OpenC3.Grains.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Crontabs;

[StatelessWorker]
[GrainType("crontabs")]
public sealed class CrontabsGrain(SqlDatabase database, TimeProvider clock) : Grain, ICrontabsGrain
{
    private const string Table = "openc3_job_crontab";

    /// <summary>Upstream scopes a crontab to a node through its job (of any status), not a column of its own.</summary>
    private const string OfNode = $"status <> '{SoftDelete.Deleted}' AND jobuuid IN (SELECT uuid FROM openc3_job_jobs WHERE projectid = @treeId)";

    private const string Columns = "id AS Id, name AS Name, jobuuid AS JobUuid, cron AS Cron, mutex AS Mutex, timezone AS TimeZone, status AS Status, " +
                                   "create_user AS CreateUser, create_time AS CreateTime, edit_user AS EditUser, edit_time AS EditTime";

    public async Task<IReadOnlyList<Crontab>> List(long treeId, CatalogFilter filter)
    {
        var parameters = new DynamicParameters(new { treeId });
        var conditions = CatalogConditions.Sql(filter, parameters);
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<CrontabRow>($"SELECT {Columns} FROM {Table} WHERE {OfNode}{conditions} ORDER BY id", parameters);
        return rows.Select(r => r.ToCrontab()).ToList();
    }

    public async Task<CrontabCounts> Count(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var counts = (await connection.QueryAsync<(string Status, long Count)>($"SELECT status, COUNT(*) FROM {Table} WHERE {OfNode} GROUP BY status", new { treeId }))
            .ToDictionary(c => c.Status, c => (int)c.Count, StringComparer.Ordinal);
        return new CrontabCounts(counts.GetValueOrDefault(CrontabStatus.Available), counts.GetValueOrDefault(CrontabStatus.Unavailable));
    }

    public async Task<Crontab?> Get(long treeId, long id)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QuerySingleOrDefaultAsync<CrontabRow>($"SELECT {Columns} FROM {Table} WHERE id = @id AND {OfNode}", new { treeId, id }))?.ToCrontab();
    }

    public async Task<CrontabChange> Create(CrontabDraft draft, string user)
    {
        await using var connection = await database.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            $"""
            INSERT INTO {Table} (name, jobuuid, cron, mutex, timezone, create_user, create_time, edit_user, edit_time, status)
            VALUES (@Name, @JobUuid, @Cron, @Mutex, @TimeZone, @user, @now, @user, @now, '{CrontabStatus.Unavailable}');
            SELECT {(database.IsMySql ? "LAST_INSERT_ID()" : "last_insert_rowid()")};
            """,
            new { draft.Name, draft.JobUuid, draft.Cron, draft.Mutex, draft.TimeZone, user, now = TimeFormat.Now(clock) });
        return new CrontabChange(id, draft.Name, null);
    }

    public Task<CrontabChange> Update(long treeId, long id, CrontabDraft draft, string user) =>
        WriteAsync(
            treeId,
            id,
            "name = @Name, jobuuid = @JobUuid, cron = @Cron, mutex = @Mutex, timezone = @TimeZone",
            _ => new { draft.Name, draft.JobUuid, draft.Cron, draft.Mutex, draft.TimeZone },
            user);

    public Task<CrontabChange> SetStatus(long treeId, long id, string status, string user) =>
        WriteAsync(treeId, id, "status = @status", _ => new { status }, user);

    public Task<CrontabChange> Delete(long treeId, long id, string user) =>
        WriteAsync(
            treeId,
            id,
            $"status = '{SoftDelete.Deleted}', name = @renamed",
            current => new { renamed = current + SoftDelete.Suffix(clock.GetLocalNow(), milliseconds: true) },
            user);

    public async Task<IReadOnlyList<long>> Available()
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<long>($"SELECT id FROM {Table} WHERE status = '{CrontabStatus.Available}' ORDER BY id")).ToList();
    }

    /// <summary>Updates a crontab of the node, stamps the editor, and lets its grain follow the change.</summary>
    /// <param name="treeId">The tree node the crontab must belong to.</param>
    /// <param name="id">The crontab.</param>
    /// <param name="assignments">The SET list, without the edit columns.</param>
    /// <param name="values">The parameters of <paramref name="assignments"/>, given the current name.</param>
    /// <param name="user">The editor.</param>
    private async Task<CrontabChange> WriteAsync(long treeId, long id, string assignments, Func<string, object> values, string user)
    {
        string? name;
        await using (var connection = await database.OpenAsync())
        {
            name = await connection.QuerySingleOrDefaultAsync<string?>($"SELECT name FROM {Table} WHERE id = @id AND {OfNode}", new { treeId, id });
            if (name is not null)
            {
                var parameters = new DynamicParameters(values(name));
                parameters.AddDynamicParams(new { treeId, id, user, now = TimeFormat.Now(clock) });
                await connection.ExecuteAsync($"UPDATE {Table} SET {assignments}, edit_user = @user, edit_time = @now WHERE id = @id AND {OfNode}", parameters);
            }
        }

        if (name is null)
        {
            return new CrontabChange(id, string.Empty, $"crontabid {id} not belong project {treeId}");
        }

        await GrainFactory.GetGrain<ICrontabGrain>(id).Refresh();
        return new CrontabChange(id, name, null);
    }

    private sealed class CrontabRow : CatalogRow
    {
        public string JobUuid { get; set; } = string.Empty;

        public string Cron { get; set; } = string.Empty;

        public string Mutex { get; set; } = string.Empty;

        public string TimeZone { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public Crontab ToCrontab() => new(Id, Name, JobUuid, Cron, Mutex, TimeZone, Status, Authorship);
    }
}
