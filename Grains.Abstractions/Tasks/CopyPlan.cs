namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// The copy an scp step performs on each destination host, with variables substituted and upstream's
/// path rules applied. The bytes travel through the silo: read from a source host or the file server,
/// written to the destination host, never held whole in memory.
/// </summary>
[GenerateSerializer, Immutable, Alias("openc3.CopyPlan")]
public sealed record CopyPlan(
    [property: Id(0)] IReadOnlyList<string> SourceHosts,
    [property: Id(1)] string SourcePath,
    [property: Id(2)] string? FileMd5,
    [property: Id(3)] string TargetPath,
    [property: Id(4)] string Chown,
    [property: Id(5)] string Chmod,
    [property: Id(6)] bool Mirror,
    [property: Id(7)] bool SamePath,
    [property: Id(8)] string? Skip,
    [property: Id(9)] string? FileSha256 = null,
    [property: Id(10)] FileServerDestination? ToFileServer = null)
{
    /// <summary>No source hosts: <see cref="SourcePath"/> names a file of the file server, whose blob is <see cref="FileBlobName"/>.</summary>
    public bool FromFileServer => SourceHosts.Count == 0;

    /// <summary>The blob in the store: by SHA-256, or by md5 for a file stored before (and for plans made before).</summary>
    public string? FileBlobName => FileSha256 ?? FileMd5;
}
