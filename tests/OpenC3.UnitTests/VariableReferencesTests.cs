using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Catalog;

namespace OpenC3.UnitTests;

public sealed class VariableReferencesTests
{
    [Theory]
    [InlineData("$ip", new[] { "ip" })]
    [InlineData("${version}-x $ip,$ip", new[] { "version", "ip" })]
    [InlineData("$a $1x ${b} $_c ${d", new string[0])]
    [InlineData("pre$name_2.post", new[] { "name_2" })]
    [InlineData("", new string[0])]
    public void Names_AreALetterThenAtLeastOneWordCharacter(string text, string[] expected) =>
        Assert.Equal(expected, VariableReferences.In(text));

    [Fact]
    public void EverySourceField_OfEveryStepType_IsScanned()
    {
        var names = VariableReferences.Of(
        [
            new CmdStep { NodeCont = "$hosts", ScriptsArgv = "--v ${ver}", ScriptsCont = "$notscanned" },
            new ScpStep { Src = "$src", Sp = "/p/${spath}", Dst = "$dst", Dp = "$dpath" },
            new ApprovalStep { Approver = "$boss,ann", Cont = "$notscanned" },
        ]);
        Assert.Equal(["boss", "dpath", "dst", "hosts", "spath", "src", "ver"], names.Keys.Order(StringComparer.Ordinal));
        Assert.All(names.Values, env => Assert.Equal(string.Empty, env));
    }

    [Fact]
    public void EnvTag_IsSetOnlyWhenAllReferencesComeFromOneEnvironment()
    {
        var names = VariableReferences.Of(
        [
            new CmdStep { ScriptsArgv = "$tv $both $mixed", Deployenv = "test" },
            new CmdStep { ScriptsArgv = "$ov $both", Deployenv = "online" },
            new ApprovalStep { Approver = "$mixed", Deployenv = "always" },
        ]);
        Assert.Equal("test", names["tv"]);
        Assert.Equal("online", names["ov"]);
        Assert.Equal(string.Empty, names["both"]);
        Assert.Equal(string.Empty, names["mixed"]);
    }

    [Fact]
    public void Plan_AddsNewNames_RemovesUnreferencedOnes_SpecialOnesToo()
    {
        var plan = VariablePlan.For(["ip", "old", "_exit_"], new Dictionary<string, string> { ["ip"] = "", ["ver"] = "test" });
        Assert.Equal(["ver"], plan.Add);
        Assert.Equal(["_exit_", "old"], plan.Remove);
        Assert.Equal("test", plan.Env["ver"]);
    }
}
