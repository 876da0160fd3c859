using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Crontabs;

/// <summary>The firing side's reads and the minute locks (`openc3_job_crontablock`, one row per crontab and minute taken).</summary>
public sealed class CrontabStore(SqlDatabase database, TimeProvider clock)
{
    public async Task<ScheduledCrontab?> LoadAsync(long id)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<ScheduledCrontab>(
            """
            SELECT c.id AS Id, c.name AS Name, c.jobuuid AS JobUuid, c.cron AS Cron, c.mutex AS Mutex, c.timezone AS TimeZone,
                   c.status AS Status, c.edit_user AS EditUser, j.projectid AS ProjectId, j.name AS JobName,
                   COALESCE(p.status, 'active') AS ProjectStatus
            FROM openc3_job_crontab c
            LEFT JOIN openc3_job_jobs j ON j.uuid = c.jobuuid
            LEFT JOIN openc3_job_project p ON p.id = j.projectid
            WHERE c.id = @id
            """,
            new { id });
    }

    /// <summary>Takes the minute; false when it was already taken (by another activation, or before a crash).</summary>
    public async Task<bool> TryLockAsync(long crontabId, long timeId)
    {
        await using var connection = await database.OpenAsync();
        return await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(
            "INSERT INTO openc3_job_crontablock (crontabid, timeid, create_time) VALUES (@crontabId, @timeId, @now)",
            new { crontabId, timeId, now = TimeFormat.Now(clock) })) is not null;
    }

    /// <summary>Takes every given minute not yet taken.</summary>
    public async Task LockAllAsync(long crontabId, IReadOnlyList<long> timeIds)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            $"INSERT {(database.IsMySql ? "IGNORE" : "OR IGNORE")} INTO openc3_job_crontablock (crontabid, timeid, create_time) VALUES (@crontabId, @timeId, @now)",
            timeIds.Select(timeId => new { crontabId, timeId, now = TimeFormat.Now(clock) }),
            transaction);
        await transaction.CommitAsync();
    }

    /// <summary>The minutes in [<paramref name="from"/>, <paramref name="to"/>] already taken.</summary>
    public async Task<IReadOnlySet<long>> LockedAsync(long crontabId, long from, long to)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<long>(
            "SELECT timeid FROM openc3_job_crontablock WHERE crontabid = @crontabId AND timeid BETWEEN @from AND @to",
            new { crontabId, from, to })).ToHashSet();
    }
}
