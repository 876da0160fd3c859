using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Catalog;

namespace OpenC3.UnitTests;

public sealed class CatalogRulesTests
{
    [Fact]
    public void StepList_RoundTrips_AndSkipsMalformedEntries_ButCountsThem()
    {
        var csv = StepList.Format([("cmd", "abc123"), ("approval", "Xyz")]);
        Assert.Equal("cmd_abc123,approval_Xyz", csv);
        Assert.Equal([("cmd", "abc123"), ("approval", "Xyz")], StepList.Parse(csv + ",junk"));
        Assert.Equal(3, StepList.Count(csv + ",junk"));
        Assert.Equal(0, StepList.Count(""));
    }

    [Fact]
    public void CitingJobs_CountOnlyCurrentStepsOfEachJob()
    {
        var names = CitingJobs.Names(
            [("deploy", "cmd_new1,scp_s1"), ("backup", "cmd_b1"), ("audit", "cmd_a1")],
            [("cmd", "new1", 5), ("cmd", "old1", 6), ("scp", "s1", 5), ("cmd", "b1", 5), ("cmd", "a1", 7)]);
        Assert.Equal("backup,deploy", names[5]);
        Assert.Equal("audit", names[7]);
        Assert.False(names.ContainsKey(6));
    }

    [Fact]
    public void SoftDelete_SuffixesTheName_AndAvoidsATakenOne()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 1, 2, 3, 4, 5)));
        Assert.Equal("_20260102030405", SoftDelete.Suffix(now, milliseconds: false));
        Assert.Equal("_20260102030405678", SoftDelete.Suffix(now, milliseconds: true));
        Assert.Equal("job_X", SoftDelete.Rename("job", "_X", _ => false));
        Assert.Equal("job_X_2", SoftDelete.Rename("job", "_X", name => name is "job_X" or "job_X_1"));
    }

    [Fact]
    public void NodeGroupHosts_FromACsv_OrFromMachineTypes()
    {
        Assert.Equal(["10.0.0.1", "host-b"], NodeGroupHosts.Listed("\"10.0.0.1, host-b,\""));
        Assert.Equal(["a", "b"], NodeGroupHosts.Listed("""["a","b"]"""));
        Assert.Empty(NodeGroupHosts.Listed("null"));
        var machines = new[]
        {
            new MachineInfo("web1", "web", "10.0.0.1", "1.2.3.4"),
            new MachineInfo("web2", "web", "", "1.2.3.5"),
            new MachineInfo("db1", "db", "10.0.0.9", ""),
            new MachineInfo("cache", "cache", "", ""),
        };
        Assert.Equal(["10.0.0.1", "1.2.3.5", "cache"], NodeGroupHosts.OfTypes("\"web,cache\"", machines));
    }

    [Theory]
    [InlineData("_exit_", true)]
    [InlineData("_pip_", true)]
    [InlineData("wk_path", true)]
    [InlineData("ip", false)]
    [InlineData("version", false)]
    public void SpecialVariables_MayBeCreatedByABulkUpdate(string name, bool expected) =>
        Assert.Equal(expected, SpecialVariables.MayBeCreatedByUpdate(name));

    [Fact]
    public void KnownVariables_GetADefaultDescribe_OnlyWhenTheirsIsEmpty()
    {
        Assert.Equal("1.测试审批人", SpecialVariables.Describe("tester", ""));
        Assert.Equal("mine", SpecialVariables.Describe("tester", "mine"));
        Assert.Equal("", SpecialVariables.Describe("ip", ""));
    }

    [Fact]
    public void JobNamePattern_IsARegex_AndRefusesQuotesBrokenBacktrackingAndLongPatterns()
    {
        Assert.True(JobNamePattern.For("^dep").Matches("deploy,backup"));
        Assert.False(JobNamePattern.For("^back").Matches("deploy"));
        Assert.True(JobNamePattern.For(null).Matches("anything"));
        Assert.False(JobNamePattern.IsValid("a'b"));
        Assert.False(JobNamePattern.IsValid("(unclosed"));
        Assert.False(JobNamePattern.IsValid(@"(a)\1"));
        Assert.False(JobNamePattern.IsValid("(?=a)a"));
        Assert.False(JobNamePattern.IsValid(new string('a', JobNamePattern.MaxLength + 1)));
    }

    [Fact]
    public void JobNamePattern_ScansAnEvilPatternInLinearTime()
    {
        var evil = JobNamePattern.For("^(a+)+$");
        var text = new string('a', 5000) + "!";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var row = 0; row < 100; row++)
        {
            Assert.False(evil.Matches(text));
        }

        // A backtracking engine would need 2^5000 steps per row; 100 linear scans take milliseconds (the bound is loose on purpose).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
    }

    [Fact]
    public void Base64Text_RoundTripsUtf8_AndToleratesUpstreamsLineBreaks()
    {
        var encoded = Base64Text.Encode("echo 你好");
        Assert.Equal("echo 你好", Base64Text.Decode(encoded));
        Assert.Equal("echo 你好", Base64Text.Decode(encoded[..8] + "\n" + encoded[8..]));
        Assert.Equal("", Base64Text.Decode(null));
    }
}
