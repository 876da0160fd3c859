namespace OpenC3.Grains.Files;

/// <summary>`FileServer:*` — where uploaded files live and how large one may be.</summary>
public sealed class FileServerOptions
{
    public const string Section = "FileServer";

    /// <summary>The blob store's folder, relative to the working directory unless absolute. In a cluster, a volume every API host and silo shares.</summary>
    public string Path { get; set; } = "data/files";

    /// <summary>The largest file an upload may carry, in MiB; a larger one is refused.</summary>
    public int MaxSizeMB { get; set; } = 1024;

    public long MaxBytes => MaxSizeMB * 1024L * 1024L;
}
