using OpenC3.Grains.Abstractions.Files;

namespace OpenC3.Grains.Execution;

/// <summary>A file of the file server, read from its content-addressed blob.</summary>
public sealed class StoredFileSource : CopySource
{
    private readonly FileStream blob;

    private StoredFileSource(string name, FileStream blob)
        : base($"fileserver:{name}", CopyHeader.File(blob.Length)) => this.blob = blob;

    public static StoredFileSource Open(FileBlobStore store, string name, string blobName) =>
        store.OpenRead(blobName) is { } blob ? new StoredFileSource(name, blob) : throw new CopySourceException($"fileserver {name}: its content ({blobName}) is missing from the blob store");

    public override int Read(byte[] buffer, int count) => blob.Read(buffer, 0, count);

    public override Task<string?> FinishAsync() => Task.FromResult<string?>(null);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            blob.Dispose();
        }
    }
}
