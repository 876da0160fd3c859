namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>A task as `GET /task/:treeid/:uuid` shows it.</summary>
[GenerateSerializer, Immutable, Alias("openc3.TaskView")]
public sealed record TaskView(
    [property: Id(0)] long ProjectId,
    [property: Id(1)] string Uuid,
    [property: Id(2)] string Name,
    [property: Id(3)] string User,
    [property: Id(4)] string Slave,
    [property: Id(5)] string Status,
    [property: Id(6)] string? StartTime,
    [property: Id(7)] string? FinishTime,
    [property: Id(8)] string CallType,
    [property: Id(9)] string JobType,
    [property: Id(10)] string JobUuid,
    [property: Id(11)] string? Runtime,
    [property: Id(12)] string Mutex,
    [property: Id(13)] string? StartTimeMs,
    [property: Id(14)] string? FinishTimeMs,
    [property: Id(15)] string? Reason,
    [property: Id(16)] IReadOnlyDictionary<string, string> Variables);
