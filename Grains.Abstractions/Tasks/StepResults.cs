namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// A step's hosts grouped by outcome: finished hosts by (status, exit code or reason, identical output), the
/// unfinished ones in one `running` and one `pending` group. <see cref="Total"/> and <see cref="Counts"/> cover the
/// whole step, <see cref="Groups"/> only the hosts a search kept.
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.StepResults")]
public sealed record StepResults(
    [property: Id(0)] string? Status,
    [property: Id(1)] int Total,
    [property: Id(2)] HostCounts Counts,
    [property: Id(3)] IReadOnlyList<ResultGroup> Groups);

/// <summary>Hosts by state; <see cref="Fail"/> is every finished host that did not succeed (failed or incomplete).</summary>
[GenerateSerializer, Immutable, Alias("openc3.HostCounts")]
public sealed record HostCounts([property: Id(0)] int Success, [property: Id(1)] int Fail, [property: Id(2)] int Running, [property: Id(3)] int Pending);

/// <summary>Hosts that ended alike, sorted, with the start of their common output (<see cref="Cut"/> when that is not all of it).</summary>
[GenerateSerializer, Immutable, Alias("openc3.ResultGroup")]
public sealed record ResultGroup(
    [property: Id(0)] string Key,
    [property: Id(1)] string Status,
    [property: Id(2)] int? ExitCode,
    [property: Id(3)] string? Reason,
    [property: Id(4)] IReadOnlyList<string> Hosts,
    [property: Id(5)] string? Sample,
    [property: Id(6)] bool Cut);

/// <summary>One host's latest outcome and output; <see cref="Cut"/> when the stored output or the reply's cap shortened it.</summary>
[GenerateSerializer, Immutable, Alias("openc3.HostOutput")]
public sealed record HostOutput(
    [property: Id(0)] string Host,
    [property: Id(1)] string Status,
    [property: Id(2)] int? ExitCode,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string Output,
    [property: Id(5)] bool Cut);

/// <summary>How a retry of chosen hosts went: started, refused for a host that has nothing to retry, or the step awaits no decision.</summary>
[GenerateSerializer, Immutable, Alias("openc3.HostRetry")]
public sealed record HostRetry([property: Id(0)] bool Started, [property: Id(1)] string? NotFailedHost)
{
    public static readonly HostRetry Retried = new(true, null);

    public static readonly HostRetry NoDecision = new(false, null);

    public static HostRetry NotFailed(string host) => new(false, host);
}
