namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// The file server's metadata (`openc3_job_fileserver`): names of a tree node pointing at blobs named by
/// their SHA-256 (or, for files stored before, by their md5).
/// The bytes never travel through grain calls; the API streams them to and from the blob store.
/// </summary>
[Alias("openc3.IFileCatalogGrain")]
public interface IFileCatalogGrain : ITreeRowsGrain
{
    Task<IReadOnlyList<StoredFile>> List(long treeId);

    Task<StoredFile?> Find(long treeId, string name);

    /// <summary>
    /// Records (or, for an existing name, replaces) a file whose blob is about to be committed. Call it
    /// before committing the blob: a blob is only removed when no row points at it.
    /// </summary>
    Task Save(long treeId, FileUpload upload);
}

[GenerateSerializer, Immutable, Alias("openc3.StoredFile")]
public sealed record StoredFile(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Size,
    [property: Id(3)] string Md5,
    [property: Id(4)] string CreateUser,
    [property: Id(5)] string CreateTime,
    [property: Id(6)] string EditUser,
    [property: Id(7)] string EditTime,
    [property: Id(8)] string? Sha256)
{
    /// <summary>The blob's name in the store: the SHA-256, or the md5 for a file stored before blobs were named by SHA-256.</summary>
    public string BlobName => Sha256 ?? Md5;
}

[GenerateSerializer, Immutable, Alias("openc3.FileUpload")]
public sealed record FileUpload(
    [property: Id(0)] string Name,
    [property: Id(1)] string Md5,
    [property: Id(5)] string Sha256,
    [property: Id(2)] long Size,
    [property: Id(3)] string CreateUser,
    [property: Id(4)] string EditUser);
