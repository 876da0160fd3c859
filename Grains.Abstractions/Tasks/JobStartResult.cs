namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>What became of a <see cref="JobStartRequest"/>.</summary>
/// <param name="Existing">For <see cref="JobStartOutcome.AlreadyExists"/>: who holds the uuid (null when it vanished meanwhile).</param>
[GenerateSerializer, Immutable, Alias("openc3.JobStartResult")]
public sealed record JobStartResult(
    [property: Id(0)] JobStartOutcome Outcome,
    [property: Id(1)] string TaskUuid,
    [property: Id(2)] string? Reason = null,
    [property: Id(3)] TaskHolder? Existing = null);
