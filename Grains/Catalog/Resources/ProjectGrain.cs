using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

[StatelessWorker]
[GrainType("jobproject")]
public sealed class ProjectGrain(SqlDatabase database, TimeProvider clock) : Grain, IProjectGrain
{
    private const string Table = "openc3_job_project";

    public async Task<ProjectStatus?> Status(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<StatusRow>(
            $"SELECT id AS Id, status AS Status, edit_user AS EditUser, edit_time AS EditTime FROM {Table} WHERE id = @treeId", new { treeId });
        return row is null ? null : new ProjectStatus(row.Id, row.Status, row.EditUser, row.EditTime);
    }

    public async Task SetStatus(long treeId, string status, string user)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            database.Upsert(Table, ["id", "status", "edit_user", "edit_time"], ["id"], ["status", "edit_user", "edit_time"]),
            new { id = treeId, status, edit_user = user, edit_time = TimeFormat.Now(clock) });
    }

    public async Task<bool> Released(IReadOnlyList<long> treeIds)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM openc3_job_crontab
            WHERE status = 'available' AND jobuuid IN (SELECT uuid FROM openc3_job_jobs WHERE projectid IN @treeIds)
            """,
            new { treeIds }) == 0;
    }

    // Dapper converts column types into settable properties (MySQL's BIGINT and SQLite's INTEGER both fit a long).
    private sealed class StatusRow
    {
        public long Id { get; set; }

        public string Status { get; set; } = string.Empty;

        public string EditUser { get; set; } = string.Empty;

        public string EditTime { get; set; } = string.Empty;
    }
}
