namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>Task and step lists, read from the `openc3_job_task` / `openc3_job_subtask` tables the grains project into.</summary>
[Alias("openc3.ITaskQueryGrain")]
public interface ITaskQueryGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<TaskRow>> List(TaskFilter filter);

    /// <summary>One page (1-based) of <see cref="List"/>'s rows, unfinished tasks first, then the newest; with how many rows match in all.</summary>
    Task<TaskPage> Page(TaskFilter filter, int page, int pageSize);

    Task<TaskRow?> Find(long projectId, string uuid);

    Task<IReadOnlyList<SubtaskRow>> Subtasks(string taskUuid);

    /// <summary>Tasks of a job still `running` or `waiting` (upstream refuses a new run at 100).</summary>
    Task<int> ActiveRuns(string jobUuid);

    /// <summary>Tasks started within [from, to] (`YYYY-MM-DD HH:MM:SS`), of one project or (null) all.</summary>
    Task<IReadOnlyList<TaskRow>> Started(long? projectId, string from, string to);
}

[GenerateSerializer, Immutable, Alias("openc3.TaskFilter")]
public sealed record TaskFilter(
    [property: Id(0)] long ProjectId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? User,
    [property: Id(3)] string? Status,
    [property: Id(4)] string? TaskUuid,
    [property: Id(5)] string? TimeStart,
    [property: Id(6)] string? TimeEnd);

[GenerateSerializer, Immutable, Alias("openc3.TaskPage")]
public sealed record TaskPage([property: Id(0)] IReadOnlyList<TaskRow> Rows, [property: Id(1)] int Total);

[GenerateSerializer, Alias("openc3.TaskRow")]
public sealed class TaskRow
{
    [Id(0)] public long Id { get; set; }

    [Id(1)] public long ProjectId { get; set; }

    [Id(2)] public string Uuid { get; set; } = string.Empty;

    [Id(3)] public string Name { get; set; } = string.Empty;

    [Id(4)] public string User { get; set; } = string.Empty;

    [Id(5)] public string Slave { get; set; } = string.Empty;

    [Id(6)] public string Status { get; set; } = string.Empty;

    [Id(7)] public string? StartTime { get; set; }

    [Id(8)] public string? FinishTime { get; set; }

    [Id(9)] public string CallType { get; set; } = string.Empty;

    [Id(10)] public string JobType { get; set; } = string.Empty;

    [Id(11)] public string JobUuid { get; set; } = string.Empty;

    [Id(12)] public string? Runtime { get; set; }

    [Id(13)] public string Mutex { get; set; } = string.Empty;

    [Id(14)] public string? StartTimeMs { get; set; }

    [Id(15)] public string? FinishTimeMs { get; set; }

    [Id(16)] public string? Reason { get; set; }

    [Id(17)] public string? Variable { get; set; }

    [Id(18)] public string ExtId { get; set; } = string.Empty;
}

[GenerateSerializer, Alias("openc3.SubtaskRow")]
public sealed class SubtaskRow
{
    [Id(0)] public long Id { get; set; }

    [Id(1)] public string SubtaskType { get; set; } = string.Empty;

    [Id(2)] public string Uuid { get; set; } = string.Empty;

    [Id(3)] public string? NodeCount { get; set; }

    [Id(4)] public string? StartTime { get; set; }

    [Id(5)] public string? FinishTime { get; set; }

    [Id(6)] public string? Runtime { get; set; }

    [Id(7)] public string? Status { get; set; }

    [Id(8)] public string Pause { get; set; } = string.Empty;
}
