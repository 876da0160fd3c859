using System.Globalization;
using OpenC3.Grains.Abstractions.Execution;

namespace OpenC3.Grains.Execution;

/// <summary>
/// The fixed command lines of the file manager. Each reads its path whole from stdin (newlines and all), so no name
/// is ever shell text; the listing prints NUL-separated fields that no file name can forge.
/// </summary>
public static class RemoteFileCommands
{
    /// <summary>Fields of one entry as printed by <see cref="List"/>: type letter, size, octal mode, mtime, link target, name.</summary>
    private const int FieldsPerEntry = 6;

    /// <summary>Reads all of stdin into `$p`; the `x` keeps command substitution from eating trailing newlines of a name.</summary>
    private const string ReadPath = "p=$(cat; printf x); p=${p%x}; ";

    private static readonly Dictionary<char, string> Types = new() { ['d'] = "dir", ['l'] = "link", ['f'] = "file" };

    /// <summary>The line that lists the directory on stdin, one level, as <paramref name="runAs"/>.</summary>
    public static string List(string runAs, string login) =>
        ScriptCommand.SudoPrefix(runAs, login) + "sh -c " + ShellQuote.Quote(
            ReadPath + "[ -d \"$p\" ] || { printf '%s: No such directory\\n' \"$p\"; exit 2; }; " +
            "[ -r \"$p\" ] && [ -x \"$p\" ] || { printf '%s: Permission denied\\n' \"$p\"; exit 2; }; " +
            "cd -- \"$p\" 2>&1 || exit 2; " +
            "exec find . -mindepth 1 -maxdepth 1 -printf '%y\\0%s\\0%m\\0%T@\\0%l\\0%f\\0' 2>/dev/null");

    /// <summary>The line that removes the file on stdin (not a directory, as `rm` without `-r`), as <paramref name="runAs"/>.</summary>
    public static string Unlink(string runAs, string login) =>
        ScriptCommand.SudoPrefix(runAs, login) + "sh -c " + ShellQuote.Quote(ReadPath + "exec rm -- \"$p\" 2>&1");

    /// <summary>
    /// The entries in <paramref name="output"/> of <see cref="List"/>, sorted by name. An entry cut short (the output
    /// reached its cap) is left out rather than guessed.
    /// </summary>
    public static IReadOnlyList<RemoteEntry> ParseListing(string output)
    {
        var fields = output.Split('\0');
        var complete = (fields.Length - 1) / FieldsPerEntry;
        var entries = new List<RemoteEntry>(complete);
        for (var i = 0; i < complete; i++)
        {
            var f = fields.AsSpan(i * FieldsPerEntry, FieldsPerEntry);
            if (f[0].Length != 1 || !long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ||
                !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var modified))
            {
                continue;
            }

            entries.Add(new RemoteEntry(f[5], Types.GetValueOrDefault(f[0][0], "other"), size, f[2], (long)Math.Floor(modified), f[4]));
        }

        return [.. entries.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }
}
