namespace OpenC3.Grains.Abstractions.Files;

/// <summary>
/// The names files are listed and downloaded by. A name never becomes a path here (blobs are named by md5),
/// but anything that looks like a path is refused anyway, so nothing downstream (download headers, scp steps
/// copying to `dp/&lt;name&gt;`) can be led out of its folder.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 200;

    /// <summary>
    /// Not empty or blank, at most <see cref="MaxLength"/> characters, not `.` or `..`, and free of `/`, `\`,
    /// NUL and other control characters, and of `'` (upstream's rule for every stored text).
    /// </summary>
    public static bool IsSafe(string? name) =>
        name is { Length: > 0 and <= MaxLength }
        && !string.IsNullOrWhiteSpace(name)
        && name is not ("." or "..")
        && !name.Any(c => c is '/' or '\\' or '\'' || char.IsControl(c));
}
