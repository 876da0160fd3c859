using System.Collections.Immutable;
using OpenC3.Grains.Execution;
using OpenC3.Grains.Subtasks;

namespace OpenC3.UnitTests;

public sealed class ResultGroupingTests
{
    private static readonly ImmutableList<HostRun> Hosts =
    [
        new("h1", HostStatus.Success, 1, 0, null),
        new("h2", HostStatus.Success, 1, 0, null),
        new("h3", HostStatus.Fail, 1, 2, null),
        new("h4", HostStatus.Success, 1, 0, null),
        new("h5", HostStatus.Fail, 1, null, "connect fail: refused"),
        new("h6", HostStatus.Fail, 1, 2, null),
        new("h7", HostStatus.Running, 2, null, null),
        new("h8", HostStatus.Pending, 0, null, null),
        new("h9", HostStatus.Incomplete, 1, null, SubtaskMachine.CrashReason),
        new("h10", HostStatus.Success, 1, 0, null),
    ];

    private static readonly Dictionary<string, string> Outputs = new(StringComparer.Ordinal)
    {
        ["h1"] = "ok\n", ["h2"] = "ok\n", ["h4"] = "ok\n", ["h10"] = "other\n", ["h3"] = "disk full\n", ["h6"] = "disk full\n",
        ["h7"] = "stale output of attempt 1\n", ["h9"] = "stale output of attempt 1\n",
    };

    [Fact]
    public void FinishedHosts_GroupByOutcomeAndOutput_FailuresFirstLargestFirst_ThenSuccess_ThenRunningAndPending()
    {
        var results = ResultGrouping.Group(SubtaskStatus.Running, Hosts, Outputs, null);

        Assert.Equal(10, results.Total);
        Assert.Equal(new(4, 4, 1, 1), results.Counts);
        Assert.Equal(
            ["fail h3,h6", "fail h5", "incomplete h9", "success h1,h2,h4", "success h10", "running h7", "pending h8"],
            results.Groups.Select(g => $"{g.Status} {string.Join(',', g.Hosts)}"));
        var disk = results.Groups[0];
        Assert.Equal((2, "disk full\n", false), (disk.ExitCode, disk.Sample, disk.Cut));
        Assert.Equal("connect fail: refused", results.Groups[1].Reason);
        // An unfinished host shows no output: what is stored is an earlier attempt's.
        Assert.Equal([null, null], results.Groups.TakeLast(2).Select(g => g.Sample));
        Assert.Equal(string.Empty, results.Groups[2].Sample);
    }

    [Fact]
    public void Keys_AreStableAcrossPolls_AndDifferBetweenGroups()
    {
        var first = ResultGrouping.Group(SubtaskStatus.Running, Hosts, Outputs, null).Groups.Select(g => g.Key).ToList();
        var again = ResultGrouping.Group(SubtaskStatus.Decision, Hosts.SetItem(6, Hosts[6] with { Status = HostStatus.Success, ExitCode = 0 }), Outputs, null);

        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(first[0], again.Groups[0].Key);
        Assert.Contains(again.Groups, g => g.Key == first[3] && g.Hosts.Count == 3);
    }

    [Fact]
    public void Search_KeepsHostsWhoseNameOrOutputContainsIt_InAnyCase_AsPlainText_CountsStayWhole()
    {
        var byOutput = ResultGrouping.Group(SubtaskStatus.Running, Hosts, Outputs, "DISK");
        Assert.Equal(["h3,h6"], byOutput.Groups.Select(g => string.Join(',', g.Hosts)));
        Assert.Equal(10, byOutput.Total);

        var byName = ResultGrouping.Group(SubtaskStatus.Running, Hosts, Outputs, "h1");
        Assert.Equal(["h1", "h10"], byName.Groups.SelectMany(g => g.Hosts).Order(StringComparer.Ordinal));

        Assert.Empty(ResultGrouping.Group(SubtaskStatus.Running, Hosts, Outputs, "o.k").Groups);
        Assert.Empty(ResultGrouping.Group(SubtaskStatus.Running, Hosts, Outputs, "stale").Groups);
    }

    [Fact]
    public void Sample_IsTheFirst2048BytesOfTheOutput_NeverSplittingACharacter_AndCutWhenShortened()
    {
        var long2048 = new string('a', 2047) + "é" + "rest";
        var truncated = "partial" + OutputBuffer.TruncatedMarker;
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = long2048, ["b"] = truncated };
        var results = ResultGrouping.Group(SubtaskStatus.Success, [new("a", HostStatus.Success, 1, 0, null), new("b", HostStatus.Success, 1, 0, null)], outputs, null);

        var a = results.Groups.Single(g => g.Hosts[0] == "a");
        Assert.Equal(new string('a', 2047), a.Sample);
        Assert.True(a.Cut);
        var b = results.Groups.Single(g => g.Hosts[0] == "b");
        Assert.Equal(("partial", true), (b.Sample, b.Cut));
    }
}
