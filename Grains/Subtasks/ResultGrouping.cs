using System.Security.Cryptography;
using System.Text;
using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Subtasks;

/// <summary>
/// Groups a step's hosts the way a reader of a large run wants them: finished hosts by (status, exit code, reason,
/// identical output), failures first and the largest first, then successes, then one group of the running and one of
/// the pending hosts. A search keeps only hosts whose name or output contains it (plain text, any case).
/// </summary>
public static class ResultGrouping
{
    public const int SampleBytes = 2048;

    public static StepResults Group(string? status, IReadOnlyList<HostRun> hosts, IReadOnlyDictionary<string, string> outputs, string? search)
    {
        var counts = new HostCounts(
            hosts.Count(h => h.Status == HostStatus.Success),
            hosts.Count(h => h.NeedsRetry),
            hosts.Count(h => h.Status == HostStatus.Running),
            hosts.Count(h => h.Status == HostStatus.Pending));
        var kept = hosts.Select(h => (Run: h, Output: OutputText.Current(h, outputs))).Where(h => Matches(h.Run.Host, h.Output, search)).ToList();
        var finished = kept
            .Where(h => h.Run.Status is not (HostStatus.Running or HostStatus.Pending))
            .GroupBy(h => new Outcome(h.Run.Status, h.Run.ExitCode, h.Run.Reason, h.Output))
            .Select(g => Finished(g.Key, Sorted(g.Select(h => h.Run.Host))))
            .OrderBy(g => g.Status == HostStatus.Success.ToWire() ? 1 : 0)
            .ThenByDescending(g => g.Hosts.Count)
            .ThenBy(g => g.Hosts[0], StringComparer.Ordinal);
        var unfinished = new[] { HostStatus.Running, HostStatus.Pending }
            .Select(s => (Status: s, Hosts: Sorted(kept.Where(h => h.Run.Status == s).Select(h => h.Run.Host))))
            .Where(g => g.Hosts.Count > 0)
            .Select(g => new ResultGroup(g.Status.ToWire(), g.Status.ToWire(), null, null, g.Hosts, null, false));
        return new StepResults(status, hosts.Count, counts, [.. finished, .. unfinished]);
    }

    private static bool Matches(string host, string output, string? search) =>
        search is null || host.Contains(search, StringComparison.OrdinalIgnoreCase) || output.Contains(search, StringComparison.OrdinalIgnoreCase);

    private static List<string> Sorted(IEnumerable<string> hosts) => hosts.Order(StringComparer.Ordinal).ToList();

    private static ResultGroup Finished(Outcome outcome, List<string> hosts)
    {
        var (sample, cut) = OutputText.Capped(outcome.Output, SampleBytes);
        return new ResultGroup(Key(outcome), outcome.Status.ToWire(), outcome.ExitCode, outcome.Reason, hosts, sample, cut);
    }

    /// <summary>The same outcome gets the same key on every poll, so a page keeps a group open while hosts join it.</summary>
    private static string Key(Outcome outcome)
    {
        var identity = $"{outcome.Status}\0{outcome.ExitCode}\0{outcome.Reason}\0{outcome.Output}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    private sealed record Outcome(HostStatus Status, int? ExitCode, string? Reason, string Output);
}
