namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Waits for people to agree before the job goes on.</summary>
[GenerateSerializer, Immutable, Alias("openc3.ApprovalStep")]
public sealed record ApprovalStep : JobStep
{
    public override string PluginType => StepValues.Approval;

    [Id(0)]
    public string Cont { get; init; } = string.Empty;

    /// <summary>Approvers, comma separated; may reference variables (`$approver`).</summary>
    [Id(1)]
    public string Approver { get; init; } = string.Empty;

    /// <summary>`on`: every approver must agree; `off`: one is enough.</summary>
    [Id(2)]
    public string Everyone { get; init; } = string.Empty;

    /// <summary>`on|off|nervous`: whether the submitter approving their own run is skipped.</summary>
    [Id(3)]
    public string Relaxed { get; init; } = string.Empty;

    public override IEnumerable<string> VariableSources() => [Approver];
}
