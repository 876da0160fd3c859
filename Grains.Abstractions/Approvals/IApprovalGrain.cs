namespace OpenC3.Grains.Abstractions.Approvals;

/// <summary>
/// One approval batch (upstream's `openc3_job_approval.taskuuid`): a row per approver, decided by
/// their opinions or closed by its timeout or its owner. The key is the batch id.
/// </summary>
[Alias("openc3.IApprovalGrain")]
public interface IApprovalGrain : IGrainWithStringKey
{
    /// <summary>Opens the batch once; a second call with the same key changes nothing.</summary>
    Task Open(ApprovalOpening opening);

    /// <summary>
    /// Records <paramref name="opinion"/> (`agree|refuse`) on row <paramref name="rowUuid"/>. With
    /// <paramref name="asUser"/> the row must be that user's (login routes); without, holding the row
    /// uuid is the credential (the no-login routes and the phone page).
    /// </summary>
    Task<ApprovalVerdict> Decide(string rowUuid, string opinion, string? asUser);

    /// <summary>The owner gave up (task killed): the batch takes no more opinions.</summary>
    Task Close(string reason);

    /// <summary>Null for a batch never opened.</summary>
    Task<ApprovalBatchView?> Get();
}

/// <summary>How a decision went.</summary>
[GenerateSerializer, Alias("openc3.ApprovalVerdict")]
public enum ApprovalVerdict
{
    Recorded,
    UnknownRow,
    NotYours,
    AlreadyDecided,
    Closed,
}

/// <summary>
/// What a batch is opened with. <paramref name="Owner"/> is the key of the <see cref="IApprovalOwner"/>
/// told the outcome (a step of a run); <paramref name="LogUuid"/> the log the batch writes to.
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.ApprovalOpening")]
public sealed record ApprovalOpening(
    [property: Id(0)] string Owner,
    [property: Id(1)] string LogUuid,
    [property: Id(2)] string Name,
    [property: Id(3)] string Cont,
    [property: Id(4)] IReadOnlyList<string> Approvers,
    [property: Id(5)] string Submitter,
    [property: Id(6)] bool Everyone,
    [property: Id(7)] string Relaxed,
    [property: Id(8)] int TimeoutSeconds);

/// <summary>The batch as a whole: `waiting`, then `success`, `refuse` or `fail` (timeout, closed).</summary>
[GenerateSerializer, Immutable, Alias("openc3.ApprovalBatchView")]
public sealed record ApprovalBatchView([property: Id(0)] string Status, [property: Id(1)] string? Reason);
