using System.Text.RegularExpressions;

namespace OpenC3.Grains.Catalog;

/// <summary>The `jobname` filter of the script and node group lists: a regular expression, bounded in time.</summary>
public static class JobNamePattern
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(200);

    public static bool IsValid(string pattern)
    {
        if (pattern.Contains('\'', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, Budget);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A pattern that runs out of time matches nothing.</summary>
    public static bool Matches(string jobNames, string? pattern)
    {
        if (pattern is null)
        {
            return true;
        }

        try
        {
            return Regex.IsMatch(jobNames, pattern, RegexOptions.CultureInvariant, Budget);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
