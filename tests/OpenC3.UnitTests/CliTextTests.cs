using OpenC3.Cli;

namespace OpenC3.UnitTests;

public sealed class CliTextTests
{
    [Fact]
    public void Arguments_SplitOptionsFlagsVariablesAndWords()
    {
        var parsed = Arguments.Parse(["--tree", "12", "-v", "version=1.2=rc", "--follow", "--var", "who=", "FILE"], "follow");
        Assert.Equal("12", parsed.Required("tree"));
        Assert.True(parsed.Flag("follow"));
        Assert.Equal([new("version", "1.2=rc"), new("who", string.Empty)], parsed.Variables);
        Assert.Equal(["FILE"], parsed.Positional);
    }

    [Theory]
    [InlineData("unknown option --colour", "--colour", "red")]
    [InlineData("--tree needs a value", "--tree")]
    [InlineData("-v wants name=value, not 'oops'", "-v", "oops")]
    [InlineData("unknown option -x", "-x")]
    public void Arguments_RefuseWhatTheyDoNotUnderstand(string message, params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => Arguments.Parse(args).Only("tree"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void LogFrames_BecomePlainText()
    {
        var html = "127.0.0.2: <font color=\"#FF0000\">a &lt;b&gt; &amp; c</font><br>done<br>";
        Assert.Equal("127.0.0.2: a <b> & c\ndone\n", LogTail.PlainText(html));
    }
}
