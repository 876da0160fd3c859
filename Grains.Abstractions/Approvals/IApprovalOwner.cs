namespace OpenC3.Grains.Abstractions.Approvals;

/// <summary>Whoever waits for a batch (an approval step of a run) and is told its outcome.</summary>
[Alias("openc3.IApprovalOwner")]
public interface IApprovalOwner : IGrainWithStringKey
{
    /// <summary>
    /// One-way, so a batch deciding inside its owner's call (a submitter approving their own run)
    /// never waits on the owner. <paramref name="status"/> is `success`, `refuse` or `fail`.
    /// </summary>
    [Orleans.Concurrency.OneWay]
    Task ApprovalDecided(string batchId, string status, string? reason);
}
