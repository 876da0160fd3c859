namespace OpenC3.Grains.Abstractions.Files;

/// <summary>`FileServer:*` — where uploaded files live, how large one may be, and how much one upload may carry.</summary>
public sealed class FileServerOptions
{
    public const string Section = "FileServer";

    /// <summary>The blob store's folder, relative to the working directory unless absolute. In a cluster, a volume every API host and silo shares.</summary>
    public string Path { get; set; } = "data/files";

    /// <summary>The largest file an upload may carry, in MiB; a larger one is refused.</summary>
    public int MaxSizeMB { get; set; } = 1024;

    /// <summary>The most parts (files and text fields) one multipart upload may have.</summary>
    public int MaxParts { get; set; } = 64;

    /// <summary>The most bytes of files one upload may carry in all, in MiB.</summary>
    public int MaxUploadMB { get; set; } = 2048;

    /// <summary>How long a download link (`GET /download/&lt;link&gt;`, handed out by `/fileserver/:p/download`) stays valid, in seconds.</summary>
    public int DownloadLinkSeconds { get; set; } = 300;

    public long MaxBytes => MaxSizeMB * 1024L * 1024L;

    public long MaxUploadBytes => MaxUploadMB * 1024L * 1024L;
}
