using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Files;

/// <summary>
/// The file server's bytes: blobs named by their md5 under <see cref="FileServerOptions.Path"/>, shared by
/// every file row with that content. API hosts write it and silos clean it up, so in a cluster it is a shared
/// volume. Uploads stream into a staging file while the md5 is computed (never the whole file in memory) and
/// become visible by an atomic rename.
/// </summary>
public sealed partial class FileBlobStore(FileServerOptions options)
{
    private const int BufferSize = 128 * 1024;

    public string Root { get; } = Path.GetFullPath(options.Path);

    public long MaxBytes { get; } = options.MaxBytes;

    /// <summary>Streams <paramref name="source"/> to the staging folder; null (and nothing kept) when it exceeds <see cref="MaxBytes"/>.</summary>
    public async Task<StagedBlob?> StageAsync(Stream source, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName;
        var path = Path.Combine(staging, $"{Guid.NewGuid():N}.part");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long size = 0;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                    {
                        break;
                    }

                    md5.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                target.Flush(flushToDisk: true);
            }

            if (size > MaxBytes)
            {
                File.Delete(path);
                return null;
            }

            return new StagedBlob(path, Convert.ToHexStringLower(md5.GetHashAndReset()), size);
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

    /// <summary>Makes the staged upload the blob of its md5 (replacing an identical one).</summary>
    public void Commit(StagedBlob blob)
    {
        var target = BlobPath(blob.Md5);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(blob.TempPath, target, overwrite: true);
    }

    public static void Discard(StagedBlob blob) => File.Delete(blob.TempPath);

    /// <summary>The blob for reading, or null when there is none.</summary>
    public FileStream? OpenRead(string md5)
    {
        try
        {
            return new FileStream(BlobPath(md5), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
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
    public async Task ReleaseAsync(string md5, Func<Task<bool>> isReferenced)
    {
        if (await isReferenced())
        {
            return;
        }

        var path = BlobPath(md5);
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

    /// <summary>`&lt;root&gt;/&lt;first two hex digits&gt;/&lt;md5&gt;`; anything but 32 lowercase hex digits is refused.</summary>
    public string BlobPath(string md5) =>
        Md5Pattern().IsMatch(md5) ? Path.Combine(Root, md5[..2], md5) : throw new ArgumentException($"not an md5: {md5}", nameof(md5));

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Md5Pattern();
}
