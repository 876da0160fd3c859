using System.Text.RegularExpressions;

namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// The `jobname` filter of the script and node group lists: a regular expression over the names of the
/// citing jobs. It runs without backtracking, so its cost grows with the text and never with the
/// pattern's nesting: a hostile pattern costs one linear scan per row, not a timeout per row.
/// </summary>
public sealed class JobNamePattern
{
    /// <summary>Longer patterns are refused: the automaton is built from the pattern.</summary>
    public const int MaxLength = 256;

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private readonly Regex? regex;

    private JobNamePattern(Regex? regex) => this.regex = regex;

    /// <summary>Backreferences, lookarounds and atomic groups need backtracking and are refused with the malformed patterns.</summary>
    public static bool IsValid(string pattern) => pattern.Length <= MaxLength && !pattern.Contains('\'', StringComparison.Ordinal) && TryBuild(pattern) is not null;

    /// <summary>The filter for one list request; no pattern matches every row.</summary>
    public static JobNamePattern For(string? pattern) =>
        new(pattern is null ? null : TryBuild(pattern) ?? throw new ArgumentException("jobname format error", nameof(pattern)));

    /// <summary>
    /// No time budget: the scan is linear, and a wall-clock budget on a busy machine made a plain `^dep` match
    /// nothing when its first match (which builds the automaton) was descheduled past it.
    /// </summary>
    public bool Matches(string jobNames) => regex?.IsMatch(jobNames) ?? true;

    private static Regex? TryBuild(string pattern)
    {
        try
        {
            return new Regex(pattern, Options);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
