using OpenC3.Grains.Execution;

namespace OpenC3.UnitTests;

/// <summary>The POSIX quoting lexer behind argv substitution: a value never becomes shell text, wherever it stands.</summary>
public sealed class ArgvSubstitutionTests
{
    private const string Hostile = "$(touch /tmp/canary)`id`'\";|";

    private static readonly Dictionary<string, string> NoValues = [];

    private static ArgvSubstitution.Outcome Apply(string argv, string value = Hostile) =>
        ArgvSubstitution.Apply(argv, new Dictionary<string, string> { ["version"] = value, ["x1"] = value }, NoValues);

    [Theory]
    [InlineData("$version", "\"${__c3_1}\"")]
    [InlineData("${version}", "\"${__c3_1}\"")]
    [InlineData("a${x1}b", "a\"${__c3_1}\"b")]
    [InlineData("\"$version\"", "\"${__c3_1}\"")]
    [InlineData("\"x$version y\"", "\"x${__c3_1} y\"")]
    [InlineData("'v$version'", "'v'\"${__c3_1}\"''")]
    [InlineData("'a b'$version\"c\"", "'a b'\"${__c3_1}\"\"c\"")]
    [InlineData("\"it's $version\"", "\"it's ${__c3_1}\"")]
    [InlineData("'say \"$version'", "'say \"'\"${__c3_1}\"''")]
    public void Reference_IsWrittenForTheQuotingItStandsIn(string argv, string expected)
    {
        var outcome = Apply(argv);
        Assert.Null(outcome.Error);
        Assert.Equal(expected, outcome.Text);
        Assert.Equal(new Dictionary<string, string> { ["__c3_1"] = Hostile }, outcome.Values);
    }

    [Fact]
    public void AuthorsShell_StaysShell_AndEachVariableGetsOneSlot()
    {
        var outcome = Apply("$(date +%F) $version | tee ${x1}.log; echo \"$version\"");
        Assert.Equal("$(date +%F) \"${__c3_1}\" | tee \"${__c3_2}\".log; echo \"${__c3_1}\"", outcome.Text);
        Assert.Equal(["__c3_1", "__c3_2"], outcome.Values.Keys.Order());
        Assert.DoesNotContain("canary", outcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapedQuotes_DoNotChangeTheQuoting()
    {
        Assert.Equal("\\' \"${__c3_1}\"", Apply("\\' $version").Text);
        Assert.Equal("\"a\\\"${__c3_1}\"", Apply("\"a\\\"$version\"").Text);
    }

    [Fact]
    public void BackslashBeforeAReference_IsDropped_SoTheValueArrivesWhole()
    {
        Assert.Equal("\"${__c3_1}\"", Apply("\\$version").Text);
        Assert.Equal("\"${__c3_1}\"", Apply("\"\\$version\"").Text);
    }

    [Fact]
    public void AnsiCQuoting_IsRefused_ButElsewhereFine()
    {
        Assert.StartsWith("variable version stands in $'...' quoting", Apply("$'a\\' $version'").Error, StringComparison.Ordinal);
        Assert.Null(Apply("\"$'\" $version").Error);
    }

    [Fact]
    public void UndefinedAndEmptyValues_AreReported_AsUpstream()
    {
        var outcome = ArgvSubstitution.Apply("$a1 ${b2} '$a1' $HOME1", NoValues, new Dictionary<string, string> { ["b2"] = string.Empty, ["HOME1"] = "h" });
        Assert.Equal("variable undef:a1,b2", outcome.Error);
    }

    [Fact]
    public void ShortNamesAndShellVariables_AreNotReferences() =>
        Assert.Equal("$1 $x ${#} $__c3_1", Apply("$1 $x ${#} $__c3_1").Text);
}
