namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>
/// The connector's OA approval adapter (`/connectorx/approval`). Without an external OA, approvals
/// are kept in `openc3_connector_approval` and stay `unconfirmed` until an OA adapter decides them.
/// </summary>
[Alias("openc3.IOaApprovalGrain")]
public interface IOaApprovalGrain : IGrainWithIntegerKey
{
    /// <summary>Raises an approval; returns its id (a 12-character uuid).</summary>
    Task<string> Create(string content, string submitter, string approver);

    /// <summary>The approval's state, or null for an unknown id.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<OaApprovalState?> Query(string uuid);
}

/// <summary>`status` is `agree`, `refuse` or `unconfirmed`; `reason` is the string `null` until one is given, as upstream.</summary>
[GenerateSerializer, Immutable, Alias("openc3.OaApprovalState")]
public sealed record OaApprovalState([property: Id(0)] string Status, [property: Id(1)] string Reason);
