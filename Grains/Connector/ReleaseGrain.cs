using Dapper;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

/// <summary>
/// Upstream asks the job module: a node may be released unless a job of it has an `available`
/// crontab. The crontab module does not exist yet, so its tables (`openc3_job_crontab`, and
/// `openc3_job_jobs` that ties a crontab's job to a node) are looked for on every call: while they
/// are missing nothing can be scheduled and every node may be released. Once they exist, the
/// upstream query decides.
/// </summary>
[StatelessWorker]
[GrainType("release")]
public sealed class ReleaseGrain(SqlDatabase database) : Grain, IReleaseGrain
{
    private static readonly string[] CrontabTables = ["openc3_job_crontab", "openc3_job_jobs"];

    public async Task<bool> CanRelease(IReadOnlyList<long> treeIds)
    {
        await using var connection = await database.OpenAsync();
        var tablesFound = await connection.ExecuteScalarAsync<long>(
            database.IsMySql
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN @tables"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN @tables",
            new { tables = CrontabTables });
        if (tablesFound < CrontabTables.Length || treeIds.Count == 0)
        {
            return true;
        }

        var scheduled = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM openc3_job_crontab WHERE status = 'available' AND jobuuid IN (SELECT uuid FROM openc3_job_jobs WHERE projectid IN @treeIds)",
            new { treeIds });
        return scheduled == 0;
    }
}
