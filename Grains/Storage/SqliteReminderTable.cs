using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OpenC3.Grains.Storage;

/// <summary>
/// Reminders in the embedded SQLite file. Rows carry the grain's uniform hash so a silo can load
/// the slice of the ring it owns; the etag guards concurrent upserts and removals.
/// </summary>
public sealed class SqliteReminderTable(SqlDatabase database, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string Columns = "grain_id AS GrainId, reminder_name AS ReminderName, start_at AS StartAt, period_ms AS PeriodMs, etag AS Etag";
    private readonly string serviceId = cluster.Value.ServiceId;

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<ReminderRow>(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = @serviceId AND grain_id = @grainId",
            new { serviceId, grainId = grainId.ToString() });
        return new ReminderTableData(rows.Select(ToEntry));
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // The ring range is (begin, end]; when begin >= end it wraps around zero.
        var range = begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "(grain_hash > @begin OR grain_hash <= @end)";
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<ReminderRow>(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = @serviceId AND {range}",
            new { serviceId, begin = (long)begin, end = (long)end });
        return new ReminderTableData(rows.Select(ToEntry));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<ReminderRow>(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = @serviceId AND grain_id = @grainId AND reminder_name = @reminderName",
            new { serviceId, grainId = grainId.ToString(), reminderName });
        return row is null ? null : ToEntry(row);
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await using var connection = await database.OpenAsync();
        var etag = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, etag)
            VALUES (@serviceId, @grainId, @reminderName, @grainHash, @startAt, @periodMs, 1)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                start_at = excluded.start_at, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, etag = orleans_reminders.etag + 1
            RETURNING etag
            """,
            new
            {
                serviceId,
                grainId = entry.GrainId.ToString(),
                reminderName = entry.ReminderName,
                grainHash = (long)entry.GrainId.GetUniformHashCode(),
                startAt = entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                periodMs = (long)entry.Period.TotalMilliseconds,
            });
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }

        await using var connection = await database.OpenAsync();
        var removed = await connection.ExecuteAsync(
            "DELETE FROM orleans_reminders WHERE service_id = @serviceId AND grain_id = @grainId AND reminder_name = @reminderName AND etag = @expected",
            new { serviceId, grainId = grainId.ToString(), reminderName, expected });
        return removed > 0;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM orleans_reminders WHERE service_id = @serviceId", new { serviceId });
    }

    private static ReminderEntry ToEntry(ReminderRow row) => new()
    {
        GrainId = GrainId.Parse(row.GrainId),
        ReminderName = row.ReminderName,
        StartAt = DateTime.Parse(row.StartAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        Period = TimeSpan.FromMilliseconds(row.PeriodMs),
        ETag = row.Etag.ToString(CultureInfo.InvariantCulture),
    };

    private sealed record ReminderRow(string GrainId, string ReminderName, string StartAt, long PeriodMs, long Etag);
}
