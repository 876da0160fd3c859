using System.Globalization;
using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Subtasks;

/// <summary>Projects a step into `openc3_job_subtask`, the table the subtask list is read from. Idempotent.</summary>
public sealed class SubtaskStore(SqlDatabase database)
{
    /// <summary>The row of a step as the list shows it; equal rows need no second write.</summary>
    public static SubtaskRow Row(string taskUuid, string type, string stepUuid, SubtaskState state, string pause) => new(
        taskUuid,
        type,
        stepUuid,
        state.Machine.Hosts.Count.ToString(CultureInfo.InvariantCulture),
        state.StartedAt is { } started ? TimeFormat.Format(started) : null,
        state.FinishedAt is { } finished ? TimeFormat.Format(finished) : null,
        Runtime(state.StartedAt, state.FinishedAt),
        state.Machine.Status,
        pause);

    public async Task SaveAsync(SubtaskRow row)
    {
        var sql = database.Upsert(
            "openc3_job_subtask",
            ["parent_uuid", "subtask_type", "uuid", "nodecount", "starttime", "finishtime", "runtime", "status", "pause"],
            ["parent_uuid", "subtask_type", "uuid"],
            ["nodecount", "starttime", "finishtime", "runtime", "status", "pause"]);
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(sql, new
        {
            parent_uuid = row.TaskUuid,
            subtask_type = row.Type,
            uuid = row.StepUuid,
            nodecount = row.NodeCount,
            starttime = row.StartTime,
            finishtime = row.FinishTime,
            runtime = row.Runtime,
            status = row.Status,
            pause = row.Pause,
        });
    }

    /// <summary>Rows for every step of a new task, status null, so lists show the steps still to come (as upstream).</summary>
    public async Task PlaceholdersAsync(string taskUuid, IEnumerable<(string Type, string Uuid, string Pause)> steps)
    {
        var sql = database.InsertIfAbsent(
            "openc3_job_subtask",
            ["parent_uuid", "subtask_type", "uuid", "pause"],
            ["parent_uuid", "subtask_type", "uuid"]);
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(sql, steps.Select(s => new { parent_uuid = taskUuid, subtask_type = s.Type, uuid = s.Uuid, pause = s.Pause }).ToList());
    }

    /// <summary>Upstream's `%0.3f` seconds, as a string.</summary>
    public static string? Runtime(DateTimeOffset? started, DateTimeOffset? finished) =>
        started is { } s && finished is { } f ? (f - s).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) : null;
}

/// <summary>A step's row in `openc3_job_subtask`.</summary>
public sealed record SubtaskRow(string TaskUuid, string Type, string StepUuid, string NodeCount, string? StartTime, string? FinishTime, string? Runtime, string? Status, string Pause);
