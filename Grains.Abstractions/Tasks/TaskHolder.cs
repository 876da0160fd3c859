namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>The task that holds a uuid: enough to tell a retry from another node's or another caller's task.</summary>
[GenerateSerializer, Immutable, Alias("openc3.TaskHolder")]
public sealed record TaskHolder([property: Id(0)] long TreeId, [property: Id(1)] string CallType, [property: Id(2)] string JobUuid);
