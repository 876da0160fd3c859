using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Tasks;

[StatelessWorker]
[Reentrant]
[GrainType("task-query")]
public sealed class TaskQueryGrain(SqlDatabase database) : Grain, ITaskQueryGrain
{
    private const string Columns =
        "id AS Id, projectid AS ProjectId, uuid AS Uuid, name AS Name, user AS User, slave AS Slave, status AS Status, starttime AS StartTime, " +
        "finishtime AS FinishTime, calltype AS CallType, jobtype AS JobType, jobuuid AS JobUuid, runtime AS Runtime, mutex AS Mutex, " +
        "starttimems AS StartTimeMs, finishtimems AS FinishTimeMs, reason AS Reason, variable AS Variable, extid AS ExtId";

    private const string Filtered =
        """
        FROM openc3_job_task
        WHERE projectid = @ProjectId
          AND (@Name IS NULL OR name LIKE @Name ESCAPE '!') AND (@User IS NULL OR user = @User)
          AND (@Status IS NULL OR status = @Status) AND (@TaskUuid IS NULL OR uuid = @TaskUuid)
          AND (@TimeStart IS NULL OR starttime >= @TimeStart) AND (@TimeEnd IS NULL OR starttime <= @TimeEnd)
        """;

    public async Task<IReadOnlyList<TaskRow>> List(TaskFilter filter)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<TaskRow>($"SELECT {Columns} {Filtered}", Parameters(filter));
        return rows.ToList();
    }

    public async Task<TaskPage> Page(TaskFilter filter, int page, int pageSize)
    {
        var parameters = new DynamicParameters(Parameters(filter));
        parameters.Add("Take", pageSize);
        parameters.Add("Skip", (long)(page - 1) * pageSize);
        await using var connection = await database.OpenAsync();
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) {Filtered}", parameters);
        var rows = await connection.QueryAsync<TaskRow>(
            $"SELECT {Columns} {Filtered} ORDER BY CASE WHEN status IN ('init', 'running', 'waiting') THEN 0 ELSE 1 END, id DESC LIMIT @Take OFFSET @Skip",
            parameters);
        return new TaskPage(rows.ToList(), total);
    }

    /// <summary>The filter as query parameters: `name` matches a part of the name, the days span whole days.</summary>
    private static TaskFilter Parameters(TaskFilter filter) => filter with
    {
        Name = filter.Name is null ? null : "%" + Like.Escape(filter.Name) + "%",
        TimeStart = filter.TimeStart is null ? null : TimeFormat.DayStart(filter.TimeStart),
        TimeEnd = filter.TimeEnd is null ? null : TimeFormat.DayEnd(filter.TimeEnd),
    };

    public async Task<TaskRow?> Find(long projectId, string uuid)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<TaskRow>($"SELECT {Columns} FROM openc3_job_task WHERE projectid = @projectId AND uuid = @uuid", new { projectId, uuid });
    }

    public async Task<int> ActiveRuns(string jobUuid)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM openc3_job_task WHERE jobuuid = @jobUuid AND status IN ('running', 'waiting')", new { jobUuid });
    }

    public async Task<IReadOnlyList<TaskRow>> Started(long? projectId, string from, string to)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<TaskRow>(
            $"SELECT {Columns} FROM openc3_job_task WHERE (@projectId IS NULL OR projectid = @projectId) AND starttime >= @from AND starttime <= @to",
            new { projectId, from, to });
        return rows.ToList();
    }

    public async Task<IReadOnlyList<SubtaskRow>> Subtasks(string taskUuid)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<SubtaskRow>(
            "SELECT id AS Id, subtask_type AS SubtaskType, uuid AS Uuid, nodecount AS NodeCount, starttime AS StartTime, finishtime AS FinishTime, runtime AS Runtime, status AS Status, pause AS Pause FROM openc3_job_subtask WHERE parent_uuid = @taskUuid ORDER BY id",
            new { taskUuid });
        return rows.ToList();
    }
}
