using System.Globalization;
using System.Text;
using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using OpenC3.Grains.Subtasks;

namespace OpenC3.Grains.Tasks;

/// <summary>Projects a task into `openc3_job_task`, the table task lists and analyses read. Idempotent.</summary>
public sealed class TaskStore(SqlDatabase database)
{
    private static readonly string[] Columns =
    [
        "projectid", "uuid", "name", "user", "slave", "status", "starttimems", "finishtimems", "starttime", "finishtime",
        "calltype", "jobtype", "jobuuid", "runtime", "mutex", "reason", "variable",
    ];

    /// <summary>The row of a task as lists show it; equal rows need no second write.</summary>
    public static TaskProjection Row(string uuid, TaskState state)
    {
        var definition = state.Definition!;
        return new TaskProjection(
            definition.ProjectId,
            uuid,
            definition.Name,
            definition.User,
            state.Slave,
            state.Machine.Status,
            EpochSeconds(state.StartedAt),
            EpochSeconds(state.FinishedAt),
            state.StartedAt is { } started ? TimeFormat.Format(started) : null,
            state.FinishedAt is { } finished ? TimeFormat.Format(finished) : null,
            definition.CallType,
            definition.JobType,
            definition.JobUuid,
            SubtaskStore.Runtime(state.StartedAt, state.FinishedAt),
            definition.Mutex,
            state.Machine.Reason is { Length: > 500 } tooLong ? tooLong[..500] : state.Machine.Reason,
            EncodeVariables(definition.Variables));
    }

    public async Task SaveAsync(TaskProjection row)
    {
        var sql = database.Upsert("openc3_job_task", Columns, ["uuid"], Columns.Where(c => c is not ("uuid" or "projectid")).ToList());
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(sql, new
        {
            projectid = row.ProjectId,
            uuid = row.Uuid,
            name = row.Name,
            user = row.User,
            slave = row.Slave,
            status = row.Status,
            starttimems = row.StartTimeMs,
            finishtimems = row.FinishTimeMs,
            starttime = row.StartTime,
            finishtime = row.FinishTime,
            calltype = row.CallType,
            jobtype = row.JobType,
            jobuuid = row.JobUuid,
            runtime = row.Runtime,
            mutex = row.Mutex,
            reason = row.Reason,
            variable = row.Variable,
        });
    }

    /// <summary>Tasks whose row is not final: those the watchdog wakes (served by the index on status).</summary>
    public async Task<IReadOnlyList<string>> UnfinishedAsync()
    {
        await using var connection = await database.OpenAsync();
        var uuids = await connection.QueryAsync<string>("SELECT uuid FROM openc3_job_task WHERE status IN ('init', 'running', 'waiting')");
        return uuids.ToList();
    }

    /// <summary>
    /// A task whose row was written but whose state was not (its start did not complete) ends `fail` with
    /// <paramref name="reason"/>, once its start time is before <paramref name="startedBefore"/>; a row without a start time
    /// was not written by a task's start and is left alone.
    /// </summary>
    public async Task MarkLostAsync(string uuid, string reason, DateTimeOffset startedBefore, DateTimeOffset now)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE openc3_job_task SET status = 'fail', reason = @reason, finishtimems = @finishtimems, finishtime = @finishtime " +
            "WHERE uuid = @uuid AND status IN ('init', 'running', 'waiting') AND starttimems IS NOT NULL AND CAST(starttimems AS DECIMAL(20, 3)) < @cutoff",
            new { uuid, reason, finishtimems = EpochSeconds(now), finishtime = TimeFormat.Format(now), cutoff = startedBefore.ToUnixTimeMilliseconds() / 1000.0 });
    }

    /// <summary>Upstream stores base64 of a YAML mapping; lists show the YAML text.</summary>
    public static string EncodeVariables(IReadOnlyDictionary<string, string> variables) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(VariablesYaml(variables)));

    public static string VariablesYaml(IReadOnlyDictionary<string, string> variables)
    {
        var yaml = new StringBuilder("---\n");
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            yaml.Append(name).Append(": ").Append(value.Length == 0 ? "''" : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'").Append('\n');
        }

        return variables.Count == 0 ? "--- {}\n" : yaml.ToString();
    }

    private static string? EpochSeconds(DateTimeOffset? time) =>
        time is { } t ? (t.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture) : null;
}

/// <summary>A task's row in `openc3_job_task`.</summary>
public sealed record TaskProjection(
    long ProjectId,
    string Uuid,
    string Name,
    string User,
    string? Slave,
    string Status,
    string? StartTimeMs,
    string? FinishTimeMs,
    string? StartTime,
    string? FinishTime,
    string CallType,
    string JobType,
    string JobUuid,
    string? Runtime,
    string Mutex,
    string? Reason,
    string Variable);
