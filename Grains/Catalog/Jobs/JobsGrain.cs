using System.Data.Common;
using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

[StatelessWorker]
[GrainType("jobs")]
public sealed class JobsGrain(SqlDatabase database, TimeProvider clock) : Grain, IJobsGrain
{
    private const string Table = "openc3_job_jobs";
    private const string Permanent = "permanent";
    private const string JobNotFound = "job not found";

    public async Task<IReadOnlyList<JobSummary>> List(long treeId, CatalogFilter filter)
    {
        var parameters = new DynamicParameters(new { treeId });
        var conditions = CatalogConditions.Sql(filter, parameters, "j.");
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<JobRow>(
            $"""
            SELECT {CatalogRow.Columns("j.")}, j.uuid AS Uuid, j.uuids AS Uuids,
                   CASE WHEN EXISTS (SELECT 1 FROM openc3_job_variable v WHERE v.jobuuid = j.uuid AND v.value = '') THEN 1 ELSE 0 END AS HasEmptyVariable
            FROM {Table} j WHERE j.projectid = @treeId AND j.status = '{Permanent}'{conditions}
            ORDER BY j.id DESC
            """,
            parameters);
        return rows.Select(r => new JobSummary(r.Id, r.Uuid, r.Name, r.Authorship, StepList.Count(r.Uuids), r.HasEmptyVariable != 0)).ToList();
    }

    public async Task<int> CountPermanent(long treeId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {Table} WHERE projectid = @treeId AND status = '{Permanent}'", new { treeId });
    }

    public async Task<JobDefinition?> Get(long treeId, string jobUuid)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(
            $"SELECT {CatalogRow.Columns()}, uuid AS Uuid, uuids AS Uuids, mon_ids AS MonIds, mon_status AS MonStatus FROM {Table} WHERE projectid = @treeId AND uuid = @jobUuid AND status = '{Permanent}'",
            new { treeId, jobUuid });
        if (row is null)
        {
            return null;
        }

        var steps = await StepStore.ReadAsync(connection, null, row.Uuid, row.Uuids);
        return new JobDefinition(row.Id, row.Uuid, row.Name, row.Uuids, row.MonIds, row.MonStatus, row.Authorship, steps);
    }

    public async Task<string?> UuidOf(long treeId, string name)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<string?>($"SELECT uuid FROM {Table} WHERE projectid = @treeId AND name = @name", new { treeId, name });
    }

    public async Task<JobStep?> Step(string pluginType, string stepUuid)
    {
        await using var connection = await database.OpenAsync();
        return await StepStore.ReadOneAsync(connection, pluginType, stepUuid);
    }

    public async Task<JobSaved> Create(long treeId, JobDraft draft, string user)
    {
        var now = TimeFormat.Now(clock);
        var jobUuid = Uuid.New();
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await NameTakenAsync(connection, transaction, treeId, draft.Name, exceptUuid: null))
        {
            return new JobSaved(null, NameTaken(draft.Name));
        }

        var uuids = await InsertStepsAsync(connection, transaction, jobUuid, draft.Steps, now);
        var inserted = await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(
            $"""
            INSERT INTO {Table} (projectid, uuid, name, uuids, status, mon_ids, mon_status, create_user, create_time, edit_user, edit_time)
            VALUES (@treeId, @jobUuid, @name, @uuids, @status, @monIds, @monStatus, @user, @now, @user, @now)
            """,
            new { treeId, jobUuid, name = draft.Name, uuids, status = draft.Permanent ? Permanent : "transient", monIds = draft.MonIds, monStatus = draft.MonStatus, user, now },
            transaction));
        if (inserted is null)
        {
            return new JobSaved(null, NameTaken(draft.Name));
        }

        await JobVariableStore.ApplyAsync(connection, transaction, jobUuid, VariableReferences.Of(draft.Steps), user, now);
        await transaction.CommitAsync();
        return new JobSaved(jobUuid, null);
    }

    public async Task<CatalogChange> Update(long treeId, string jobUuid, JobDraft draft, string user)
    {
        var now = TimeFormat.Now(clock);
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var exists = await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {Table} WHERE projectid = @treeId AND uuid = @jobUuid AND status <> '{SoftDelete.Deleted}'", new { treeId, jobUuid }, transaction);
        if (exists == 0)
        {
            return new CatalogChange(JobNotFound);
        }

        if (await NameTakenAsync(connection, transaction, treeId, draft.Name, jobUuid))
        {
            return new CatalogChange(NameTaken(draft.Name));
        }

        var uuids = await InsertStepsAsync(connection, transaction, jobUuid, draft.Steps, now);
        var updated = await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(
            $"UPDATE {Table} SET name = @name, uuids = @uuids, mon_ids = @monIds, mon_status = @monStatus, edit_user = @user, edit_time = @now WHERE uuid = @jobUuid",
            new { jobUuid, name = draft.Name, uuids, monIds = draft.MonIds, monStatus = draft.MonStatus, user, now },
            transaction));
        if (updated is null)
        {
            return new CatalogChange(NameTaken(draft.Name));
        }

        await JobVariableStore.ApplyAsync(connection, transaction, jobUuid, VariableReferences.Of(draft.Steps), user, now);
        await transaction.CommitAsync();
        return CatalogChange.Done;
    }

    public async Task<JobSaved> Copy(JobCopy copy, string user)
    {
        var now = TimeFormat.Now(clock);
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var source = await connection.QuerySingleOrDefaultAsync<JobRow>(
            $"SELECT uuid AS Uuid, uuids AS Uuids, status AS Status, mon_ids AS MonIds, mon_status AS MonStatus FROM {Table} WHERE projectid = @FromTreeId AND name = @FromName AND status <> '{SoftDelete.Deleted}'",
            copy,
            transaction);
        if (source is null)
        {
            return new JobSaved(null, null);
        }

        if (await NameTakenAsync(connection, transaction, copy.ToTreeId, copy.ToName, exceptUuid: null))
        {
            return new JobSaved(null, NameTaken(copy.ToName));
        }

        var jobUuid = Uuid.New();
        var steps = await StepStore.ReadAsync(connection, transaction, source.Uuid, source.Uuids);
        var uuids = await InsertStepsAsync(connection, transaction, jobUuid, steps, now);
        await JobVariableStore.CopyAsync(connection, transaction, source.Uuid, jobUuid, user, now);
        var inserted = await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(
            $"""
            INSERT INTO {Table} (projectid, uuid, name, uuids, status, mon_ids, mon_status, create_user, create_time, edit_user, edit_time)
            VALUES (@treeId, @jobUuid, @name, @uuids, @status, @monIds, @monStatus, @user, @now, @user, @now)
            """,
            new { treeId = copy.ToTreeId, jobUuid, name = copy.ToName, uuids, status = source.Status, monIds = source.MonIds, monStatus = source.MonStatus, user, now },
            transaction));
        if (inserted is null)
        {
            return new JobSaved(null, NameTaken(copy.ToName));
        }

        await transaction.CommitAsync();
        return new JobSaved(jobUuid, null);
    }

    public async Task<string?> Delete(long treeId, string jobUuid, string user)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var name = await connection.QuerySingleOrDefaultAsync<string?>(
            $"SELECT name FROM {Table} WHERE projectid = @treeId AND uuid = @jobUuid AND status = '{Permanent}'", new { treeId, jobUuid }, transaction);
        if (name is null)
        {
            return null;
        }

        await SoftDeleteAsync(connection, transaction, treeId, name, user);
        await transaction.CommitAsync();
        return name;
    }

    public async Task<int> DeleteByName(long treeId, string name, string user)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var deleted = await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {Table} WHERE projectid = @treeId AND name = @name AND status = '{Permanent}'", new { treeId, name }, transaction);
        if (deleted > 0)
        {
            await SoftDeleteAsync(connection, transaction, treeId, name, user);
            await transaction.CommitAsync();
        }

        return (int)deleted;
    }

    private static string NameTaken(string name) => $"a job named {name} already exists";

    private static async Task<string> InsertStepsAsync(DbConnection connection, DbTransaction transaction, string jobUuid, IReadOnlyList<JobStep> steps, string now)
    {
        var saved = new List<(string, string)>();
        foreach (var step in steps)
        {
            saved.Add((step.PluginType, await StepStore.InsertAsync(connection, transaction, jobUuid, step, now)));
        }

        return StepList.Format(saved);
    }

    private static async Task<bool> NameTakenAsync(DbConnection connection, DbTransaction transaction, long treeId, string name, string? exceptUuid) =>
        await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {Table} WHERE projectid = @treeId AND name = @name AND (@exceptUuid IS NULL OR uuid <> @exceptUuid)",
            new { treeId, name, exceptUuid },
            transaction) > 0;

    private async Task SoftDeleteAsync(DbConnection connection, DbTransaction transaction, long treeId, string name, string user)
    {
        var renamed = await SoftDelete.DeletedNameAsync(connection, transaction, Table, treeId, name, SoftDelete.Suffix(clock.GetLocalNow(), milliseconds: false));
        await connection.ExecuteAsync(
            $"UPDATE {Table} SET status = '{SoftDelete.Deleted}', name = @renamed, edit_user = @user, edit_time = @now WHERE projectid = @treeId AND name = @name AND status = '{Permanent}'",
            new { treeId, name, renamed, user, now = TimeFormat.Now(clock) },
            transaction);
    }

    private sealed class JobRow : CatalogRow
    {
        public string Uuid { get; set; } = string.Empty;

        public string Uuids { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public string MonIds { get; set; } = string.Empty;

        public long MonStatus { get; set; }

        public long HasEmptyVariable { get; set; }
    }
}
