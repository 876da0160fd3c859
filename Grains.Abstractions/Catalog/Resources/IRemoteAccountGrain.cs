namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Remote accounts a step may run as (`openc3_job_userlist`); accounts of tree node 0 are offered everywhere.</summary>
[Alias("openc3.IRemoteAccountGrain")]
public interface IRemoteAccountGrain : ITreeValuesGrain
{
    /// <summary>The node's accounts and the global ones; <paramref name="name"/> matches as a substring.</summary>
    Task<IReadOnlyList<RemoteAccount>> List(long treeId, string? name, RowFilter rows);
}

[GenerateSerializer, Immutable, Alias("openc3.RemoteAccount")]
public sealed record RemoteAccount(
    [property: Id(0)] long Id,
    [property: Id(1)] long ProjectId,
    [property: Id(2)] string Username,
    [property: Id(3)] string CreateUser,
    [property: Id(4)] string CreateTime);
