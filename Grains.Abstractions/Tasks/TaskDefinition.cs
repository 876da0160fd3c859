namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>Everything a task runs, snapshotted when it starts: later edits of the job do not change a running task.</summary>
[GenerateSerializer, Immutable, Alias("openc3.TaskDefinition")]
public sealed record TaskDefinition(
    [property: Id(0)] long ProjectId,
    [property: Id(1)] string Name,
    [property: Id(2)] string User,
    [property: Id(3)] string CallType,
    [property: Id(4)] string JobType,
    [property: Id(5)] string JobUuid,
    [property: Id(6)] string Mutex,
    [property: Id(7)] IReadOnlyDictionary<string, string> Variables,
    [property: Id(8)] IReadOnlyDictionary<string, string> JobDefaults,
    [property: Id(9)] IReadOnlyList<StepDefinition> Steps,
    [property: Id(10)] bool FailFast);

/// <summary>
/// One step as stored for the run. cmd: scripts already decoded. scp: the destination hosts are
/// <see cref="NodeType"/>/<see cref="NodeCont"/>, the rest of the copy is <see cref="Scp"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.StepDefinition")]
public sealed record StepDefinition(
    [property: Id(0)] string Type,
    [property: Id(1)] string Uuid,
    [property: Id(2)] string Name,
    [property: Id(3)] string User,
    [property: Id(4)] string NodeType,
    [property: Id(5)] string NodeCont,
    [property: Id(6)] string ScriptsType,
    [property: Id(7)] string ScriptsCont,
    [property: Id(8)] string ScriptsArgv,
    [property: Id(9)] int Timeout,
    [property: Id(10)] string Pause,
    [property: Id(11)] ScpStepPlan? Scp = null,
    [property: Id(12)] ApprovalStepPlan? Approval = null,
    [property: Id(13)] StepApplicability? When = null);
