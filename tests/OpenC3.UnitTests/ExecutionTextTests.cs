using OpenC3.Grains.Execution;

namespace OpenC3.UnitTests;

public sealed class ExecutionTextTests
{
    private static readonly Dictionary<string, string> NoValues = [];

    [Fact]
    public void Substitution_PrefersTaskValues_ThenNonEmptyJobDefaults()
    {
        var outcome = VariableSubstitution.Apply(
            "deploy ${version} to $ip with $mode",
            new Dictionary<string, string> { ["version"] = "1.2", ["mode"] = "" },
            new Dictionary<string, string> { ["version"] = "0.9", ["ip"] = "10.0.0.1", ["mode"] = "fast" });
        Assert.Equal("deploy 1.2 to 10.0.0.1 with fast", outcome.Text);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Substitution_ReportsEveryUndefinedName_Once()
    {
        var outcome = VariableSubstitution.Apply("$a1 ${b2} $a1 $x", NoValues, new Dictionary<string, string> { ["b2"] = "" });
        Assert.Equal("variable undef:a1,b2", outcome.Error);
    }

    [Fact]
    public void ScriptCommand_KeepsValuesOffTheCommandLine_AndUsesSudoOnlyForAnotherUser()
    {
        var own = ScriptCommand.Build("shell", "echo hi", "a \"${__c3_1}\"", new Dictionary<string, string> { ["__c3_1"] = "secret-arg" }, new Dictionary<string, string> { ["wk_v"] = "wk's secret" }, "deploy", "deploy", "tag1");
        Assert.StartsWith("sh -c '", own.CommandText, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", own.CommandText, StringComparison.Ordinal);
        Assert.Contains("/bin/bash \"$__c3_dir/s\" a \"${__c3_1}\"", own.CommandText.Replace("'\\''", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("export wk_v='wk'\\''s secret'\n__c3_1='secret-arg'\necho hi", own.Stdin);

        var other = ScriptCommand.Build("python", "print(1)", "", new Dictionary<string, string>(), new Dictionary<string, string>(), "www", "deploy", "tag2");
        Assert.StartsWith("sudo -n -u www sh -c '", other.CommandText, StringComparison.Ordinal);
        Assert.Contains("head -c 0 ", other.CommandText, StringComparison.Ordinal);
        // The script runs in a session of its own, started by a launcher that announces it (issue 15).
        Assert.Matches("setsid sh -c .* sh python3 \"\\$__c3_dir/s\"; exit \\$\\?'$", other.CommandText);
    }

    [Theory]
    [InlineData("bad user")]
    [InlineData("root;id")]
    public void ScriptCommand_RefusesUnsafeUsers(string user) =>
        Assert.Throws<ArgumentException>(() => ScriptCommand.Build("shell", "", "", NoValues, NoValues, user, "deploy", "tag"));

    [Fact]
    public void ScriptCommand_RefusesUnsafeVariableNames() =>
        Assert.Throws<ArgumentException>(() => ScriptCommand.Build("shell", "", "", NoValues, new Dictionary<string, string> { ["x;id"] = "1" }, "", "deploy", "tag"));

    [Fact]
    public void ResultBlock_GroupsIdenticalOutput_AndListsFailedHosts()
    {
        var block = ResultBlock.Format(
            [
                new RemoteResult("h2", 0, "ok\n", null),
                new RemoteResult("h1", 0, "ok\n", null),
                new RemoteResult("h3", 1, "boom\n", null),
                new RemoteResult("h4", null, "", "connect fail: refused"),
            ],
            "decision");
        Assert.Contains("h{1~2}[2]:", block, StringComparison.Ordinal);
        Assert.Contains("h3[1]:", block, StringComparison.Ordinal);
        Assert.Contains("--- connect fail: refused", block, StringComparison.Ordinal);
        Assert.Contains("failed: h3,h4\n", block, StringComparison.Ordinal);
        Assert.EndsWith("substatus = decision\n", block, StringComparison.Ordinal);
        Assert.True(block.IndexOf("h{1~2}", StringComparison.Ordinal) < block.IndexOf("h3[1]", StringComparison.Ordinal), "successes first");
    }

    [Fact]
    public void OutputBuffer_KeepsUpToTheCap_ThenAMarker()
    {
        var buffer = new OutputBuffer(10);
        Assert.Equal("12345", buffer.Append("12345"));
        Assert.Equal("67890", buffer.Append("67890"));
        Assert.Equal("" + OutputBuffer.TruncatedMarker, buffer.Append("abc"));
        Assert.Equal(string.Empty, buffer.Append("more"));
        Assert.Equal("1234567890" + OutputBuffer.TruncatedMarker, buffer.ToString());
    }

    [Fact]
    public void VersionVariables_AreKeyBracketValue_LastOneWins()
    {
        var found = VersionVariables.Find("VERSION:[1.2.3]\nnoise x:[Bad] APP_web_VERSION:[v9-rc.1] 9X:[1]\nVERSION:[1.2.4]");
        Assert.Equal(new Dictionary<string, string> { ["VERSION"] = "1.2.4", ["APP_web_VERSION"] = "v9-rc.1" }, found);
    }
}
