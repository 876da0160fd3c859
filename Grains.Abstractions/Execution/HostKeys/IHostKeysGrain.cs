namespace OpenC3.Grains.Abstractions.Execution;

/// <summary>
/// The hosts' SSH keys pinned on first use (`openc3_job_knownhosts`). A host presenting another key
/// fails until an admin accepts the key it presented, or forgets the host so its next key is pinned.
/// </summary>
[Alias("openc3.IHostKeysGrain")]
public interface IHostKeysGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<HostKeyView>> List();

    /// <summary>Pins the key <paramref name="host"/> last presented in place of its recorded one; returns how many pins changed.</summary>
    Task<int> Accept(string host, string user);

    /// <summary>Drops the host's pins, so the next connection pins what it presents; returns how many were dropped.</summary>
    Task<int> Forget(string host);
}

/// <param name="Fingerprint">`SHA256:…` of the pinned key.</param>
/// <param name="Presented">`SHA256:…` of a different key the host presented since, waiting for an admin; null when none.</param>
[GenerateSerializer, Immutable, Alias("openc3.HostKeyView")]
public sealed record HostKeyView(
    [property: Id(0)] string Host,
    [property: Id(1)] int Port,
    [property: Id(2)] string KeyType,
    [property: Id(3)] string Fingerprint,
    [property: Id(4)] string? PresentedKeyType,
    [property: Id(5)] string? Presented,
    [property: Id(6)] string CreateUser,
    [property: Id(7)] string CreateTime,
    [property: Id(8)] string EditUser,
    [property: Id(9)] string EditTime);
