namespace OpenC3.Grains.Abstractions.Execution;

/// <summary>
/// A directory listing and a file removal on one host, for the file manager page (`/api/job/sendfile`). Paths travel
/// to the host on stdin, never on a command line; the caller has already checked that the host is on its tree node.
/// </summary>
[Alias("openc3.IRemoteFilesGrain")]
public interface IRemoteFilesGrain : IGrainWithIntegerKey
{
    /// <param name="treeId">The node the host is on: its subnets choose the path to it (through a region's proxies or not).</param>
    /// <param name="runAs">The account to list as (sudo when it is not the SSH login).</param>
    Task<RemoteListing> List(long treeId, string host, string directory, string runAs);

    /// <summary>Removes one file (not a directory); null when done, else the host's words (or why it could not be reached).</summary>
    Task<string?> Unlink(long treeId, string host, string path, string runAs);
}

/// <summary>The entries of a directory, or why there are none.</summary>
[GenerateSerializer, Immutable, Alias("openc3.RemoteListing")]
public sealed record RemoteListing([property: Id(0)] IReadOnlyList<RemoteEntry> Entries, [property: Id(1)] string? Error);

/// <param name="Type">dir, link, file or other.</param>
/// <param name="Mode">The permission bits in octal, e.g. `644`.</param>
/// <param name="ModifiedUnixSeconds">Last modification, seconds since the epoch.</param>
/// <param name="LinkTarget">What a link points to; empty otherwise.</param>
[GenerateSerializer, Immutable, Alias("openc3.RemoteEntry")]
public sealed record RemoteEntry(
    [property: Id(0)] string Name,
    [property: Id(1)] string Type,
    [property: Id(2)] long Size,
    [property: Id(3)] string Mode,
    [property: Id(4)] long ModifiedUnixSeconds,
    [property: Id(5)] string LinkTarget);
