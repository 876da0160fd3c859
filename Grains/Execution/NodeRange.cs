using System.Numerics;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Upstream's compact host list (MYDan's node range dump) for the result block: names that differ in one
/// number are folded into `prefix{a~b,c}suffix`, e.g. 10.0.0.2 … 10.0.0.21 and 10.0.0.23 become
/// `10.0.0.{2~21,23}`. The number that varies most is the one folded; names without digits stay as they are.
/// </summary>
public static partial class NodeRange
{
    public static string Format(IEnumerable<string> hosts)
    {
        var parts = new List<string>();
        foreach (var group in hosts.Distinct(StringComparer.Ordinal).GroupBy(h => Digits().Replace(h, "\0")))
        {
            if (!group.Key.Contains('\0'))
            {
                parts.AddRange(group);
                continue;
            }

            parts.AddRange(Fold(group.Key, group.Select(h => Digits().Matches(h).Select(m => m.Value).ToList()).ToList()));
        }

        return string.Join(',', parts.Order(StringComparer.Ordinal));
    }

    /// <summary>Names of one shape (<paramref name="shape"/>: NUL where the numbers were): fold the most varied number.</summary>
    private static IEnumerable<string> Fold(string shape, List<List<string>> numbers)
    {
        var positions = numbers[0].Count;
        var key = Enumerable.Range(0, positions).MaxBy(p => (numbers.Select(n => n[p]).Distinct(StringComparer.Ordinal).Count(), -p));
        return numbers
            .GroupBy(n => Fill(shape, n, key, null))
            .Select(like => Fill(shape, like.First(), key, Ids(like.Select(n => n[key]).ToList())));
    }

    private static string Ids(List<string> ids)
    {
        if (ids.Count == 1)
        {
            return ids[0];
        }

        var runs = new List<List<string>>();
        foreach (var id in ids.OrderBy(BigInteger.Parse))
        {
            if (runs.Count == 0 || BigInteger.Parse(runs[^1][^1]) + 1 < BigInteger.Parse(id))
            {
                runs.Add([]);
            }

            runs[^1].Add(id);
        }

        return "{" + string.Join(',', runs.Select(r => r.Count > 1 ? $"{r[0]}~{r[^1]}" : r[0])) + "}";
    }

    /// <summary>The shape with its numbers put back; the one at <paramref name="key"/> replaced by <paramref name="keyText"/> (or a marker).</summary>
    private static string Fill(string shape, List<string> numbers, int key, string? keyText)
    {
        var index = 0;
        return string.Concat(shape.Select(c => c != '\0' ? c.ToString() : index++ == key ? keyText ?? "\u0001" : numbers[index - 1]));
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
