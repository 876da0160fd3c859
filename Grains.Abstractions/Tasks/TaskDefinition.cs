using System.Text.Json.Serialization;

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
/// One step as stored for the run. Every kind has <see cref="Type"/>, <see cref="Uuid"/>, <see cref="Name"/>,
/// <see cref="Timeout"/> and <see cref="Pause"/>. cmd: hosts and the script (already decoded). scp: the destination
/// hosts are <see cref="NodeType"/>/<see cref="NodeCont"/>, the rest of the copy is <see cref="Scp"/>. approval: <see cref="Approval"/>.
/// Grain state keeps it as JSON: the names are pinned so a renamed property still reads what runs stored before.
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.StepDefinition")]
public sealed record StepDefinition
{
    [Id(0), JsonPropertyName("Type")]
    public required string Type { get; init; }

    [Id(1), JsonPropertyName("Uuid")]
    public required string Uuid { get; init; }

    [Id(2), JsonPropertyName("Name")]
    public required string Name { get; init; }

    /// <summary>cmd and scp: the login on the hosts.</summary>
    [Id(3), JsonPropertyName("User")]
    public string User { get; init; } = string.Empty;

    [Id(4), JsonPropertyName("NodeType")]
    public string NodeType { get; init; } = string.Empty;

    [Id(5), JsonPropertyName("NodeCont")]
    public string NodeCont { get; init; } = string.Empty;

    [Id(6), JsonPropertyName("ScriptsType")]
    public string ScriptsType { get; init; } = string.Empty;

    [Id(7), JsonPropertyName("ScriptsCont")]
    public string ScriptsCont { get; init; } = string.Empty;

    [Id(8), JsonPropertyName("ScriptsArgv")]
    public string ScriptsArgv { get; init; } = string.Empty;

    /// <summary>Seconds.</summary>
    [Id(9), JsonPropertyName("Timeout")]
    public required int Timeout { get; init; }

    [Id(10), JsonPropertyName("Pause")]
    public string Pause { get; init; } = string.Empty;

    [Id(11), JsonPropertyName("Scp")]
    public ScpStepDefinition? Scp { get; init; }

    [Id(12), JsonPropertyName("Approval")]
    public ApprovalStepDefinition? Approval { get; init; }

    [Id(13), JsonPropertyName("When")]
    public StepApplicability? When { get; init; }
}
