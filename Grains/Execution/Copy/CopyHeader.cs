using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>
/// The first line a copy source sends before its bytes: `d` for a directory (a tar stream follows) or
/// `f &lt;mode&gt; &lt;size&gt;` for a file (exactly size bytes follow).
/// </summary>
public sealed partial record CopyHeader(bool Directory, string Mode, long Size)
{
    public const int MaxLength = 64;

    public static CopyHeader File(long size) => new(false, "644", size);

    public static CopyHeader? Parse(string line)
    {
        if (line == "d")
        {
            return new CopyHeader(true, string.Empty, 0);
        }

        var match = FilePattern().Match(line);
        return match.Success ? new CopyHeader(false, match.Groups["mode"].Value, long.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture)) : null;
    }

    [GeneratedRegex("^f (?<mode>[0-7]{3,4}) (?<size>[0-9]{1,18})$")]
    private static partial Regex FilePattern();
}
