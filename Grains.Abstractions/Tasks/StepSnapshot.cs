namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>The step as a run keeps it, or why it cannot run.</summary>
[GenerateSerializer, Immutable, Alias("openc3.StepSnapshot")]
public sealed record StepSnapshot([property: Id(0)] StepDefinition? Step, [property: Id(1)] string? Error);
