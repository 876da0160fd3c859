namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>One step of one run; the key is `&lt;task uuid&gt;:&lt;step uuid&gt;`.</summary>
[Alias("openc3.ISubtaskGrain")]
public interface ISubtaskGrain : IGrainWithStringKey
{
    Task Start(SubtaskStart start);

    /// <summary>
    /// The executor reports hosts of the step in the order things happened, coalesced (a session started, a host
    /// finished); duplicates and late reports are ignored. Not one-way: reports that storage refused fail, so the
    /// executor offers them again.
    /// </summary>
    Task HostsReported(IReadOnlyList<HostReport> reports);

    /// <summary>The runs a crashed silo left on the hosts were stopped: the step's running hosts become `incomplete`.</summary>
    [Orleans.Concurrency.OneWay]
    Task OrphansStopped();

    /// <summary>A decision on a step in `decision`: running, fail or ignore. False when nothing changed.</summary>
    Task<bool> Decide(string control, string user);

    Task Abort(string reason);

    /// <summary>`next` released the pause after this step: its row's `pause` becomes empty (upstream's `update … set pause=''`).</summary>
    Task ReleasePause();

    Task<SubtaskView?> Get();

    /// <summary>The step's result groups, of the hosts whose name or output contains <paramref name="search"/> (case-insensitive; all when null). Null before the step started.</summary>
    Task<StepResults?> Results(string? search);

    /// <summary>One host's latest outcome and output; null when it is not a host of the step.</summary>
    Task<HostOutput?> Output(string host);

    /// <summary>A decision `running` for some of the step's failed or incomplete hosts only; the others keep their results.</summary>
    Task<HostRetry> RetryHosts(IReadOnlyList<string> hosts, string user);

    /// <summary>The task's watchdog: wakes the step (recovering it if its silo died) and has it tell its task its status again.</summary>
    Task Reconcile();
}

/// <summary>What a step needs to run: its hosts (already resolved and checked) and the command for them, or the copy to make on them.</summary>
[GenerateSerializer, Immutable, Alias("openc3.SubtaskStart")]
public sealed record SubtaskStart(
    [property: Id(0)] string TaskUuid,
    [property: Id(1)] int Index,
    [property: Id(2)] long ProjectId,
    [property: Id(3)] StepDefinition Step,
    [property: Id(4)] IReadOnlyList<string> Hosts,
    [property: Id(5)] string? Rejection,
    [property: Id(6)] string CommandText,
    [property: Id(7)] string Stdin,
    [property: Id(9)] bool FailFast,
    [property: Id(10)] CopyPlan? Copy = null);

[GenerateSerializer, Immutable, Alias("openc3.SubtaskView")]
public sealed record SubtaskView(
    [property: Id(0)] string Uuid,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Status,
    [property: Id(3)] int NodeCount,
    [property: Id(4)] string? StartTime,
    [property: Id(5)] string? FinishTime,
    [property: Id(6)] string? Runtime,
    [property: Id(7)] string Pause,
    [property: Id(8)] IReadOnlyList<HostView> Hosts);

[GenerateSerializer, Immutable, Alias("openc3.HostView")]
public sealed record HostView([property: Id(0)] string Host, [property: Id(1)] string Status, [property: Id(2)] int? ExitCode, [property: Id(3)] string? Reason);
