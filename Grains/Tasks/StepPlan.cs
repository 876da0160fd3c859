using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Tasks;

/// <summary>A step planned when it starts: what its subtask runs, or why it cannot run.</summary>
public sealed record StepPlan(SubtaskStart? Start, string? Error);
