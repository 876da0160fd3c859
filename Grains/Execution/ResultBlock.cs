using System.Text;

namespace OpenC3.Grains.Execution;

/// <summary>
/// The summary upstream prints at the end of a step's log: hosts with identical output grouped
/// under one heading in upstream's node range notation (green when they succeeded, red otherwise),
/// then the failed hosts, then the step status. ANSI colours, as upstream; the live log turns them into HTML.
/// </summary>
public static class ResultBlock
{
    public const string Green = "\u001b[1;32m";
    public const string Red = "\u001b[1;31m";
    public const string Banner = "\u001b[31;42m";
    public const string Reset = "\u001b[0m";

    public static string Format(IReadOnlyList<RemoteResult> results, string status)
    {
        var text = new StringBuilder();
        text.Append(Banner).Append(new string('#', 30)).Append(" RESULT ").Append(new string('#', 30)).Append(Reset).Append('\n');
        var groups = results
            .GroupBy(r => (r.Succeeded, Text: Shown(r)))
            .OrderByDescending(g => g.Key.Succeeded)
            .ThenBy(g => g.Select(r => r.Host).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var hosts = group.Select(r => r.Host).Order(StringComparer.Ordinal).ToList();
            text.Append(new string('=', 68)).Append('\n');
            text.Append(NodeRange.Format(hosts)).Append('[').Append(hosts.Count).Append("]:\n");
            text.Append(group.Key.Succeeded ? Green : Red).Append(group.Key.Text.TrimEnd('\n')).Append(Reset).Append('\n');
        }

        text.Append(new string('=', 68)).Append('\n');
        var failed = results.Where(r => !r.Succeeded).Select(r => r.Host).Order(StringComparer.Ordinal).ToList();
        if (failed.Count > 0)
        {
            text.Append("failed: ").Append(string.Join(',', failed)).Append('\n');
        }

        text.Append("substatus = ").Append(status).Append('\n');
        return text.ToString();
    }

    private static string Shown(RemoteResult result) =>
        result.Reason is null ? result.Output + $"--- {result.ExitCode}" : result.Output + $"--- {result.Reason}";
}
