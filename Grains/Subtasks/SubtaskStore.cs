using System.Globalization;
using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Subtasks;

/// <summary>Projects a step into `openc3_job_subtask`, the table the subtask list is read from. Idempotent.</summary>
public sealed class SubtaskStore(SqlDatabase database)
{
    public async Task SaveAsync(string taskUuid, string type, string stepUuid, SubtaskState state, string pause)
    {
        var sql = database.Upsert(
            "openc3_job_subtask",
            ["parent_uuid", "subtask_type", "uuid", "nodecount", "starttime", "finishtime", "runtime", "status", "pause"],
            ["parent_uuid", "subtask_type", "uuid"],
            ["nodecount", "starttime", "finishtime", "runtime", "status", "pause"]);
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(sql, new
        {
            parent_uuid = taskUuid,
            subtask_type = type,
            uuid = stepUuid,
            nodecount = state.Machine.Hosts.Count.ToString(CultureInfo.InvariantCulture),
            starttime = state.StartedAt is { } started ? TimeFormat.Format(started) : null,
            finishtime = state.FinishedAt is { } finished ? TimeFormat.Format(finished) : null,
            runtime = Runtime(state.StartedAt, state.FinishedAt),
            status = state.Machine.Status,
            pause,
        });
    }

    /// <summary>Rows for every step of a new task, status null, so lists show the steps still to come (as upstream).</summary>
    public async Task PlaceholdersAsync(string taskUuid, IEnumerable<(string Type, string Uuid, string Pause)> steps)
    {
        await using var connection = await database.OpenAsync();
        foreach (var (type, uuid, pause) in steps)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO openc3_job_subtask (parent_uuid, subtask_type, uuid, pause)
                SELECT @taskUuid, @type, @uuid, @pause WHERE NOT EXISTS
                    (SELECT 1 FROM openc3_job_subtask WHERE parent_uuid = @taskUuid AND subtask_type = @type AND uuid = @uuid)
                """,
                new { taskUuid, type, uuid, pause });
        }
    }

    /// <summary>Upstream's `%0.3f` seconds, as a string.</summary>
    public static string? Runtime(DateTimeOffset? started, DateTimeOffset? finished) =>
        started is { } s && finished is { } f ? (f - s).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) : null;
}
