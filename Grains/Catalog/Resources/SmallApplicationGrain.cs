using System.Data.Common;
using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// Light apps. Their project id and job name come from the job (`openc3_job_jobs`, of the job catalog module);
/// while that table does not exist they are null.
/// </summary>
[StatelessWorker]
[GrainType("smallapplication")]
public sealed class SmallApplicationGrain(SqlDatabase database, TimeProvider clock) : Grain, ISmallApplicationGrain
{
    private const string Table = "openc3_job_smallapplication";
    private const string JobsTable = "openc3_job_jobs";
    private const string Duplicate = "the job already has a small application on this tree node";

    public Task<IReadOnlyList<SmallApplication>> List(long? treeId) =>
        treeId is { } tree
            ? QueryAsync("WHERE a.treeid IN ('0', @tree)", new { tree = tree.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            : QueryAsync(string.Empty, new { });

    public async Task<SmallApplication?> Get(long id) => (await QueryAsync("WHERE a.id = @id", new { id })).SingleOrDefault();

    public async Task<SmallApplicationChange> Create(SmallApplicationInput input, string user)
    {
        var now = TimeFormat.Now(clock);
        await using var connection = await database.OpenAsync();
        try
        {
            await connection.ExecuteAsync(
                $"""
                INSERT INTO {Table} (jobid, type, title, `describe`, parameter, treeid, create_user, create_time, edit_user, edit_time)
                VALUES (@JobId, @Type, @Title, @Describe, @Parameter, @TreeId, @user, @now, @user, @now)
                """,
                Parameters(input, user, now));
        }
        catch (DbException error) when (TreeRowTable.IsDuplicate(error))
        {
            return new SmallApplicationChange(null, Duplicate);
        }

        var id = await connection.ExecuteScalarAsync<long>($"SELECT id FROM {Table} WHERE jobid = @JobId AND treeid = @TreeId", input);
        return new SmallApplicationChange(id, null);
    }

    public async Task<string?> Update(long id, SmallApplicationInput input, string user)
    {
        var parameters = Parameters(input, user, TimeFormat.Now(clock));
        parameters.Add("id", id);
        await using var connection = await database.OpenAsync();
        try
        {
            var updated = await connection.ExecuteAsync(
                $"""
                UPDATE {Table} SET jobid = @JobId, type = @Type, title = @Title, `describe` = @Describe, parameter = @Parameter, treeid = @TreeId,
                    edit_user = @user, edit_time = @now
                WHERE id = @id
                """,
                parameters);
            return updated > 0 ? null : "no such small application";
        }
        catch (DbException error) when (TreeRowTable.IsDuplicate(error))
        {
            return Duplicate;
        }
    }

    public async Task<bool> Delete(long id)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync($"DELETE FROM {Table} WHERE id = @id", new { id }) > 0;
    }

    private static DynamicParameters Parameters(SmallApplicationInput input, string user, string now)
    {
        var parameters = new DynamicParameters(input);
        parameters.Add("user", user);
        parameters.Add("now", now);
        return parameters;
    }

    private async Task<IReadOnlyList<SmallApplication>> QueryAsync(string where, object parameters)
    {
        await using var connection = await database.OpenAsync();
        var job = await database.TableExistsAsync(connection, JobsTable)
            ? $"j.projectid AS ProjectId, j.name AS JobName FROM {Table} a LEFT JOIN {JobsTable} j ON j.id = a.jobid"
            : $"NULL AS ProjectId, NULL AS JobName FROM {Table} a";
        var rows = await connection.QueryAsync<ApplicationRow>(
            $"""
            SELECT a.id AS Id, a.jobid AS JobId, a.type AS Type, a.title AS Title, a.`describe` AS `Describe`, a.parameter AS Parameter,
                a.edit_user AS EditUser, a.create_user AS CreateUser, a.edit_time AS EditTime, a.create_time AS CreateTime, a.treeid AS TreeId, {job}
            {where} ORDER BY a.id
            """,
            parameters);
        return rows.Select(r => new SmallApplication(
            r.Id, r.JobId, r.Type, r.Title, r.Describe, r.Parameter, r.EditUser, r.CreateUser, r.EditTime, r.CreateTime, r.TreeId, r.ProjectId, r.JobName)).ToList();
    }

    // Dapper converts column types into settable properties (SQLite integers are Int64, MySQL's INT UNSIGNED is UInt32).
    private sealed class ApplicationRow
    {
        public long Id { get; set; }

        public string JobId { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public string Describe { get; set; } = string.Empty;

        public string Parameter { get; set; } = string.Empty;

        public string EditUser { get; set; } = string.Empty;

        public string CreateUser { get; set; } = string.Empty;

        public string EditTime { get; set; } = string.Empty;

        public string CreateTime { get; set; } = string.Empty;

        public string TreeId { get; set; } = string.Empty;

        public long? ProjectId { get; set; }

        public string? JobName { get; set; }
    }
}
