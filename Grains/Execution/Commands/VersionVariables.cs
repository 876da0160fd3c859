using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>Upstream's vv capture: `KEY:[value]` anywhere in a host's output (KEY starts with a letter, value `[a-z0-9._-]+`).</summary>
public static partial class VersionVariables
{
    /// <summary>The last value of each key in the output.</summary>
    public static IReadOnlyDictionary<string, string> Find(string output)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Pattern().Matches(output))
        {
            found[match.Groups["key"].Value] = match.Groups["value"].Value;
        }

        return found;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<key>[A-Za-z][A-Za-z0-9_]{0,99}):\[(?<value>[a-z0-9._-]{1,100})\]")]
    private static partial Regex Pattern();
}
