using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Subtasks;

public sealed class SubtaskState
{
    public SubtaskStart? Start { get; set; }

    public SubtaskMachineState Machine { get; set; } = SubtaskMachineState.Initial(failFast: false);

    /// <summary>Latest output of each host (capped), for the result block.</summary>
    public Dictionary<string, string> Outputs { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>`next` let the task go on after this step's pause: the row's `pause` is cleared, as upstream.</summary>
    public bool PauseReleased { get; set; }

    /// <summary>The approval batch an approval step waits for.</summary>
    public string? ApprovalBatch { get; set; }
}
