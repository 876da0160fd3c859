using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OpenC3.Grains.Abstractions.Files;
using FileServerOptions = OpenC3.Grains.Abstractions.Files.FileServerOptions;

namespace OpenC3.Api.Job;

/// <summary>One uploaded file: the name it is listed by and its bytes in the store's staging folder.</summary>
public sealed record UploadedFile(string Name, StagedBlob Blob);

/// <summary>
/// A multipart upload read part by part as it arrives: each file streams straight into the blob store's
/// staging folder (hashed on the way, never held in memory), text fields are kept. The parts and the bytes
/// of all files are bounded (`FileServer:MaxParts`, `FileServer:MaxUploadMB`), as is each file. Disposing
/// discards the staged files nobody committed.
/// </summary>
public sealed class UploadBatch : IDisposable
{
    private const int MaxFieldLength = 64 * 1024;

    /// <summary>After a refused upload, what is still unread is drained up to this much so the client reads the answer.</summary>
    private const long MaxDrainBytes = 256L * 1024 * 1024;

    private readonly List<UploadedFile> files = [];
    private readonly Dictionary<string, string> fields = new(StringComparer.Ordinal);

    private UploadBatch()
    {
    }

    public IReadOnlyList<UploadedFile> Files => files;

    public IReadOnlyDictionary<string, string> Fields => fields;

    /// <summary>Why the upload is refused (upstream's `upload undef`, an unsafe name, a file too large, too many parts or bytes in all), else null.</summary>
    public string? Error { get; private set; }

    public static async Task<UploadBatch> ReadAsync(HttpRequest request, FileServerOptions options, CancellationToken cancellationToken)
    {
        var batch = new UploadBatch();
        try
        {
            await batch.ReadPartsAsync(request, options, cancellationToken);
        }
        catch (Exception error) when (error is IOException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            // A body that is not multipart as its header claims (no boundary line, parts cut short): the caller's error.
            batch.Error = "upload is not a valid multipart body";
        }
        catch
        {
            batch.Dispose();
            throw;
        }

        if (batch.Error is not null)
        {
            batch.Dispose();
            await DrainAsync(request.Body, cancellationToken);
        }

        return batch;
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            FileBlobStore.Discard(file.Blob);
        }
    }

    private async Task ReadPartsAsync(HttpRequest request, FileServerOptions options, CancellationToken cancellationToken)
    {
        var store = new FileBlobStore(options);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 } boundary)
        {
            Error = "upload undef";
            return;
        }

        var reader = new MultipartReader(boundary.Value!, request.Body);
        var parts = 0;
        var unstaged = options.MaxUploadBytes;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++parts > options.MaxParts)
            {
                Error = $"too many parts: an upload has at most {options.MaxParts}";
                return;
            }

            if (section.GetContentDispositionHeader() is not { } disposition)
            {
                // A part that says nothing of itself is skipped; one whose header cannot be read may hide a hostile name.
                if (section.ContentDisposition is not null)
                {
                    Error = "check format fail filename format error";
                    return;
                }

                continue;
            }

            if (FileName(disposition) is { } name)
            {
                if (!FileNames.IsSafe(name))
                {
                    Error = "check format fail filename format error";
                    return;
                }

                if (await store.StageAsync(section.Body, Math.Min(options.MaxBytes, unstaged), cancellationToken) is not { } blob)
                {
                    Error = unstaged < options.MaxBytes
                        ? $"upload too large: the files of one upload are at most {options.MaxUploadMB} MB in all"
                        : $"file too large: {name} is over {options.MaxSizeMB} MB";
                    return;
                }

                unstaged -= blob.Size;
                files.Add(new UploadedFile(name, blob));
            }
            else if (HeaderUtilities.RemoveQuotes(disposition.Name).Value is { Length: > 0 } field)
            {
                var value = await ReadFieldAsync(section.Body, cancellationToken);
                if (value is null)
                {
                    Error = $"check format fail {field} format error";
                    return;
                }

                fields[field] = value;
            }
        }

        if (files.Count == 0)
        {
            Error = "upload undef";
        }
    }

    /// <summary>The part's file name (`filename*` before `filename`), or null when the part is a text field.</summary>
    private static string? FileName(ContentDispositionHeaderValue disposition)
    {
        if (!StringSegment.IsNullOrEmpty(disposition.FileNameStar))
        {
            return disposition.FileNameStar.Value;
        }

        return disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? string.Empty : null;
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[MaxFieldLength + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return length > MaxFieldLength ? null : new string(buffer, 0, length);
    }

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long drained = 0;
        int read;
        while (drained < MaxDrainBytes && (read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            drained += read;
        }
    }
}
