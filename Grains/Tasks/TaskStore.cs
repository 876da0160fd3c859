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

    public async Task SaveAsync(string uuid, TaskState state)
    {
        var definition = state.Definition!;
        var sql = database.Upsert("openc3_job_task", Columns, ["uuid"], Columns.Where(c => c is not ("uuid" or "projectid")).ToList());
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(sql, new
        {
            projectid = definition.ProjectId,
            uuid,
            name = definition.Name,
            user = definition.User,
            slave = state.Slave,
            status = state.Machine.Status,
            starttimems = EpochSeconds(state.StartedAt),
            finishtimems = EpochSeconds(state.FinishedAt),
            starttime = state.StartedAt is { } started ? TimeFormat.Format(started) : null,
            finishtime = state.FinishedAt is { } finished ? TimeFormat.Format(finished) : null,
            calltype = definition.CallType,
            jobtype = definition.JobType,
            jobuuid = definition.JobUuid,
            runtime = SubtaskStore.Runtime(state.StartedAt, state.FinishedAt),
            mutex = definition.Mutex,
            reason = state.Machine.Reason is { Length: > 500 } tooLong ? tooLong[..500] : state.Machine.Reason,
            variable = EncodeVariables(definition.Variables),
        });
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
