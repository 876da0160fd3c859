namespace OpenC3.Grains.Abstractions.Approvals;

/// <summary>Approval rows as listed by the API, read from `openc3_job_approval`.</summary>
[Alias("openc3.IApprovalQueryGrain")]
public interface IApprovalQueryGrain : IGrainWithIntegerKey
{
    /// <summary>The user's newest rows, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ApprovalRow>> Mine(string user, int limit);

    Task<ApprovalRow?> Find(string rowUuid);

    Task<IReadOnlyList<ApprovalRow>> Batch(string batchId);
}

[GenerateSerializer, Alias("openc3.ApprovalRow")]
public sealed class ApprovalRow
{
    [Id(0)] public long Id { get; set; }

    /// <summary>The batch id (upstream's column name).</summary>
    [Id(1)] public string TaskUuid { get; set; } = string.Empty;

    [Id(2)] public string Uuid { get; set; } = string.Empty;

    [Id(3)] public string User { get; set; } = string.Empty;

    [Id(4)] public string Name { get; set; } = string.Empty;

    [Id(5)] public string Submitter { get; set; } = string.Empty;

    [Id(6)] public string OaUuid { get; set; } = string.Empty;

    [Id(7)] public string NotifyStatus { get; set; } = string.Empty;

    [Id(8)] public string Cont { get; set; } = string.Empty;

    [Id(9)] public string Opinion { get; set; } = string.Empty;

    [Id(10)] public string Remarks { get; set; } = string.Empty;

    [Id(11)] public string CreateTime { get; set; } = string.Empty;

    [Id(12)] public string? FinishTime { get; set; }

    [Id(13)] public string? Assist { get; set; }

    [Id(14)] public string Everyone { get; set; } = string.Empty;
}
