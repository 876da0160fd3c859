namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// A start of a tree node's job, as every creator of a job run asks for it (the API, a crontab, a token upload).
/// </summary>
/// <param name="Job">The job's uuid, or its name on the node (<see cref="ByName"/>).</param>
/// <param name="TaskUuid">The caller's idempotency key: the same uuid again never starts a second run. Null: a fresh uuid.</param>
/// <param name="CheckPoints">The user's points on the node decide (write, or control for a delegated job); false for app callers, crontabs and tokens.</param>
/// <param name="Audited">The start is recorded in the audit log under the user before it is done.</param>
[GenerateSerializer, Immutable, Alias("openc3.JobStartRequest")]
public sealed record JobStartRequest(
    [property: Id(0)] long TreeId,
    [property: Id(1)] string Job,
    [property: Id(2)] bool ByName,
    [property: Id(3)] string User,
    [property: Id(4)] string CallType,
    [property: Id(5)] IReadOnlyDictionary<string, string> Variables,
    [property: Id(6)] string Mutex,
    [property: Id(7)] string? TaskUuid = null,
    [property: Id(8)] bool CheckPoints = false,
    [property: Id(9)] bool Audited = false);
