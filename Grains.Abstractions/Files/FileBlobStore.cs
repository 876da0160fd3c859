using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Abstractions.Files;

/// <summary>
/// The file server's bytes: blobs named by their SHA-256 under <see cref="FileServerOptions.Path"/>, shared by
/// every file row with that content. A stored blob is never replaced (the same name is the same content), so
/// no upload can change the bytes behind another tree node's file. Blobs of files uploaded before SHA-256
/// naming are still read under their md5. API hosts write it and silos clean it up, so in a cluster it is a
/// shared volume. Uploads stream into a staging file while both hashes are computed (never the whole file in
/// memory) and become visible by an atomic rename.
/// </summary>
public sealed partial class FileBlobStore(FileServerOptions options)
{
    private const int BufferSize = 128 * 1024;

    public string Root { get; } = Path.GetFullPath(options.Path);

    /// <summary>Streams <paramref name="source"/> to the staging folder; null (and nothing kept) when it exceeds <paramref name="maxBytes"/>.</summary>
    public async Task<StagedBlob?> StageAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName;
        var path = Path.Combine(staging, $"{Guid.NewGuid():N}.part");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        break;
                    }

                    md5.AppendData(buffer, 0, read);
                    sha256.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                target.Flush(flushToDisk: true);
            }

            if (size > maxBytes)
            {
                File.Delete(path);
                return null;
            }

            return new StagedBlob(path, Convert.ToHexStringLower(md5.GetHashAndReset()), Convert.ToHexStringLower(sha256.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Makes the staged upload the blob of its SHA-256; when that blob exists already, the stored bytes stay and the staged copy goes.</summary>
    public void Commit(StagedBlob blob)
    {
        var target = BlobPath(blob.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(blob.TempPath, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            Discard(blob);
        }
    }

    public static void Discard(StagedBlob blob) => File.Delete(blob.TempPath);

    /// <summary>The blob for reading (by its SHA-256, or by the md5 of a file stored before), or null when there is none.</summary>
    public FileStream? OpenRead(string blobName)
    {
        try
        {
            return new FileStream(BlobPath(blobName), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Removes the blob when no row points at it any more. Uploads record their row before committing their
    /// blob, so a blob is moved aside, the rows are counted again, and it comes back when an upload of the
    /// same content recorded a row meanwhile (a later commit restores it by itself).
    /// </summary>
    public async Task ReleaseAsync(string blobName, Func<Task<bool>> isReferenced)
    {
        if (await isReferenced())
        {
            return;
        }

        var path = BlobPath(blobName);
        var doomed = $"{path}.{Guid.NewGuid():N}.deleting";
        try
        {
            File.Move(path, doomed);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return;
        }

        if (await isReferenced())
        {
            File.Move(doomed, path, overwrite: true);
        }
        else
        {
            File.Delete(doomed);
        }
    }

    /// <summary>
    /// `&lt;root&gt;/&lt;first two hex digits&gt;/&lt;name&gt;`: a SHA-256 (64 lowercase hex digits) or, for files stored before, an
    /// md5 (32); anything else is refused. The lengths differ, so the two kinds never share a path.
    /// </summary>
    public string BlobPath(string blobName) =>
        BlobNamePattern().IsMatch(blobName) ? Path.Combine(Root, blobName[..2], blobName) : throw new ArgumentException($"not a blob name: {blobName}", nameof(blobName));

    [GeneratedRegex("^[0-9a-f]{32}([0-9a-f]{32})?$")]
    private static partial Regex BlobNamePattern();
}
