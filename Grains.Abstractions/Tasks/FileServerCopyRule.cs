using OpenC3.Grains.Abstractions.Files;

namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>What an scp step into the file server may copy: one named file from source hosts.</summary>
public static class FileServerCopyRule
{
    /// <summary>Why sp cannot be copied into the file server, or null (checked at the route, and again at the run after variables).</summary>
    public static string? Error(bool fromFileServer, string sp) =>
        fromFileServer ? "dst_type fileserver needs source hosts, not a file of the file server"
        : sp.EndsWith('/') ? "dst_type fileserver stores a single file: sp must not be a directory"
        : !FileNames.IsSafe(BaseName(sp)) ? "sp format error: its file name is not a valid file server name"
        : null;

    /// <summary>As Perl's `basename`: the last path component, ignoring trailing slashes.</summary>
    public static string BaseName(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }
}
