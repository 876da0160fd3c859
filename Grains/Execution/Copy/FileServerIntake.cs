using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Audit;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Files;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Execution;

/// <summary>
/// The destination of an scp step with dst_type `fileserver`: one regular file of the source host streams into the
/// blob store's staging folder (hashed on the way, bounded by `FileServer:MaxSizeMB`) and is then registered as an
/// upload would be: audited, its row saved (an existing name is replaced), its blob made visible.
/// </summary>
public sealed class FileServerIntake(IGrainFactory grains, IOptions<FileServerOptions> options)
{
    public async Task<RemoteResult> StoreAsync(CopySource source, FileServerDestination destination, Func<string, Task> onOutput, CancellationToken cancellationToken)
    {
        const string host = FileServerDestination.HostLabel;
        if (source.Header.Directory)
        {
            return new RemoteResult(host, null, string.Empty, $"{source.Label} is a directory: only a single regular file can be stored in the file server");
        }

        var limits = options.Value;
        if (source.Header.Size > limits.MaxBytes)
        {
            return new RemoteResult(host, null, string.Empty, $"file too large: {source.Label} is over {limits.MaxSizeMB} MB");
        }

        var store = new FileBlobStore(limits);
        await using var content = new CopySourceStream(source);
        var blob = await Task.Run(() => store.StageAsync(content, limits.MaxBytes, cancellationToken), cancellationToken);
        var failure = await source.FinishAsync();
        if (blob is null || blob.Size != source.Header.Size || failure is not null)
        {
            if (blob is not null)
            {
                FileBlobStore.Discard(blob);
            }

            return new RemoteResult(host, null, string.Empty, failure ?? $"{source.Label} ended after {blob?.Size ?? 0} of {source.Header.Size} bytes");
        }

        await grains.GetGrain<IAuditGrain>(0).Record(destination.User, "SCP FILE TO FILESERVER", $"TREEID:{destination.ProjectId} FILENAME:{destination.Name} FROM:{source.Label}");
        await grains.GetGrain<IFileCatalogGrain>(0).Save(destination.ProjectId, new FileUpload(destination.Name, blob.Md5, blob.Sha256, blob.Size, destination.User, destination.User));
        store.Commit(blob);
        var summary = $"stored {source.Label} in the file server as {destination.Name} ({blob.Size} bytes, md5 {blob.Md5})\n";
        await onOutput(summary);
        return new RemoteResult(host, 0, summary, null);
    }
}
