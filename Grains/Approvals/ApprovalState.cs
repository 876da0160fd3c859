using OpenC3.Grains.Abstractions.Approvals;

namespace OpenC3.Grains.Approvals;

public sealed class ApprovalState
{
    /// <summary>Null until the batch is opened.</summary>
    public ApprovalOpening? Opening { get; set; }

    public ApprovalMachineState? Machine { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
