using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>
/// The `subnet` of `POST /agent/:p/:regionid/subnet`: items split by commas or spaces, each a CIDR
/// (`a.b.c.d/n`, kind `subnet`) or a `/regex/` (kind `regex`); other items are skipped, as upstream.
/// Unlike upstream, a CIDR must parse (octets up to 255, prefix up to 32) and a regex must compile
/// for the linear-time engine and fit the column, so what is stored can be matched safely later.
/// </summary>
public static partial class SubnetList
{
    public const int MaxItems = 256;
    public const int MaxEntryLength = 100;

    public const string NoneFound = "No effective subnet or regx";

    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(200);

    public static (IReadOnlyList<SubnetEntry> Entries, string? Error) Parse(string text)
    {
        var items = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (items.Length > MaxItems)
        {
            return ([], $"too many subnets: at most {MaxItems}");
        }

        var entries = new List<SubnetEntry>();
        foreach (var item in items.Distinct(StringComparer.Ordinal))
        {
            var entry = CidrShape().IsMatch(item) ? Cidr(item) : item is ['/', _, .., '/'] ? Pattern(item) : (null, null);
            if (entry.Error is { } error)
            {
                return ([], error);
            }

            if (entry.Value is { } value)
            {
                entries.Add(value);
            }
        }

        return entries.Count == 0 ? ([], NoneFound) : (entries, null);
    }

    private static (SubnetEntry? Value, string? Error) Cidr(string item)
    {
        var parts = item.Split('/', '.');
        var numbers = parts.Select(p => p.Length <= 3 ? int.Parse(p, CultureInfo.InvariantCulture) : int.MaxValue).ToArray();
        return numbers[..4].All(n => n <= 255) && numbers[4] <= 32
            ? (new SubnetEntry(item, "subnet"), null)
            : (null, $"bad subnet {item}: octets go up to 255, the prefix up to 32");
    }

    private static (SubnetEntry? Value, string? Error) Pattern(string item)
    {
        if (item.Length > MaxEntryLength)
        {
            return (null, $"regex too long: at most {MaxEntryLength} characters");
        }

        try
        {
            _ = new Regex(item[1..^1], RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexBudget);
            return (new SubnetEntry(item, "regex"), null);
        }
        catch (ArgumentException error)
        {
            return (null, $"bad regex {item}: {error.Message}");
        }
    }

    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+$")]
    private static partial Regex CidrShape();
}
