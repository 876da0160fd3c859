namespace OpenC3.Grains.Abstractions.Approvals;

/// <summary>Tells approvers they are asked, outside the batch's turn (an exit may be slow), and reports back per row.</summary>
[Alias("openc3.IApprovalNotifier")]
public interface IApprovalNotifier : IGrainWithIntegerKey
{
    [Orleans.Concurrency.OneWay]
    Task Send(string batchId, IReadOnlyList<ApproverNotice> notices);
}

/// <summary>One approver to tell about row <paramref name="RowUuid"/>.</summary>
[GenerateSerializer, Immutable, Alias("openc3.ApproverNotice")]
public sealed record ApproverNotice(
    [property: Id(0)] string RowUuid,
    [property: Id(1)] string User,
    [property: Id(2)] string Submitter,
    [property: Id(3)] string Cont);
