using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Notifications;

/// <summary>Notices and their deliveries (`openc3_job_notice`, `openc3_job_notice_delivery`).</summary>
public sealed class NoticeStore(SqlDatabase database, TimeProvider clock)
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Done = "done";
    public const string Failed = "fail";

    /// <summary>Claims a notice once: a second claim of the same notice is a unique violation.</summary>
    private const string ClaimNotice = "INSERT INTO openc3_job_notice (notice, deliveries, create_time) VALUES (@notice, @count, @now)";

    public async Task<bool> ExistsAsync(string notice)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM openc3_job_notice WHERE notice = @notice", new { notice }) > 0;
    }

    /// <summary>Records the notice and its deliveries together; false (and nothing written) when the notice was recorded before.</summary>
    public async Task<bool> RecordAsync(string notice, IReadOnlyList<Delivery> deliveries)
    {
        var now = TimeFormat.Now(clock);
        await using var connection = await database.OpenAsync();
        if (deliveries.Count == 0)
        {
            // Most notices decide to send nothing: one statement, no transaction.
            return await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(ClaimNotice, new { notice, count = 0, now })) is not null;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        var claimed = await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(
            ClaimNotice,
            new { notice, count = deliveries.Count, now },
            transaction));
        if (claimed is null)
        {
            await transaction.RollbackAsync();
            return false;
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO openc3_job_notice_delivery (notice, channel, recipient, title, content, status, attempts, next_at, update_time)
            VALUES (@notice, @channel, @recipient, @title, @content, @status, 0, 0, @now)
            """,
            deliveries.Select(d => new { notice, channel = ChannelName(d.Channel), recipient = d.Recipient, title = d.Title, content = d.Content, status = Pending, now }),
            transaction);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>The deliveries of the notice still pending, or left `sending` by a process that died mid-send.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> OpenAsync(string notice)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<DeliveryRow>(
            """
            SELECT id AS Id, channel AS Channel, recipient AS Recipient, title AS Title, content AS Content, status AS Status, attempts AS Attempts, next_at AS NextAt
            FROM openc3_job_notice_delivery WHERE notice = @notice AND status IN @open ORDER BY id
            """,
            new { notice, open = new[] { Pending, Sending } });
        return rows.ToList();
    }

    /// <summary>Marks the delivery as being sent before it is, so a crash mid-send never sends it twice.</summary>
    public Task BeginAttemptAsync(long id, int attempt) =>
        UpdateAsync("status = @status, attempts = @attempt", new { id, status = Sending, attempt });

    public Task CloseAsync(long id, string status, string? error) =>
        UpdateAsync("status = @status, error = @error", new { id, status, error = Trim(error) });

    public Task RetryLaterAsync(long id, string error, DateTimeOffset at) =>
        UpdateAsync("status = @status, error = @error, next_at = @nextAt", new { id, status = Pending, error = Trim(error), nextAt = at.ToUnixTimeMilliseconds() });

    /// <summary>The task's row id and the full name of its tree node (upstream's `project_&lt;id&gt;` when the node is not in the tree).</summary>
    public async Task<(string Id, string ProjectName)> TaskFactsAsync(string uuid, long projectId)
    {
        await using var connection = await database.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long?>("SELECT id FROM openc3_job_task WHERE uuid = @uuid", new { uuid });
        var name = await connection.ExecuteScalarAsync<string?>("SELECT name FROM openc3_connector_tree WHERE id = @projectId", new { projectId });
        return (id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, name ?? $"project_{projectId}");
    }

    public static string ChannelName(NotificationChannel channel) => channel == NotificationChannel.Email ? "email" : "sms";

    private async Task UpdateAsync(string assignments, object values)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("now", TimeFormat.Now(clock));
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync($"UPDATE openc3_job_notice_delivery SET {assignments}, update_time = @now WHERE id = @id", parameters);
    }

    private static string? Trim(string? error) => error is { Length: > 500 } ? error[..500] : error;
}
