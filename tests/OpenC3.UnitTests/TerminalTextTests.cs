using OpenC3.Grains.Terminal;

namespace OpenC3.UnitTests;

/// <summary>What the web terminal records from keystrokes, and how it labels several hosts' output.</summary>
public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("echo hi\r", "echo hi")]
    [InlineData("echo hx\x7fi\r", "echo hi")]
    [InlineData("ls\b\bpwd\r", "pwd")]
    [InlineData("rm -rf /\x15ls\r", "ls")]
    [InlineData("sleep 100\x03uptime\r", "uptime")]
    [InlineData("cat /etc/passwd\x17hosts\r", "cat hosts")]
    [InlineData("e\x1b[Dcho\x1b[C x\x1bOA\r", "echo x")]
    [InlineData("  df -h  \n", "df -h")]
    [InlineData("ls /us\tr\r", "ls /usr")]
    [InlineData("echo 😀\x7f!\r", "echo !")]
    public void ALine_IsTheKeysUpToEnter_WithEditingApplied_AndEscapeSequencesSkipped(string keys, string line)
    {
        Assert.Equal([line], new CommandLineBuffer().Feed(keys));
    }

    [Fact]
    public void KeysInSeveralMessages_MakeOneLine_EvenWithAnEscapeSequenceCutInTwo()
    {
        var buffer = new CommandLineBuffer();
        Assert.Empty(buffer.Feed("ec"));
        Assert.Empty(buffer.Feed("ho\x1b["));
        Assert.Empty(buffer.Feed("A hi"));
        Assert.Equal(["echo hi"], buffer.Feed("\r"));
    }

    [Fact]
    public void APaste_OfSeveralLines_RecordsEach_AndBlankLinesAreSkipped()
    {
        Assert.Equal(["uptime", "id"], new CommandLineBuffer().Feed("uptime\r\n\r\nid\r\n"));
    }

    [Fact]
    public void AVeryLongLine_IsKeptToItsStart()
    {
        var line = Assert.Single(new CommandLineBuffer().Feed(new string('x', CommandLineBuffer.MaxLine + 100) + "\r"));
        Assert.Equal(CommandLineBuffer.MaxLine, line.Length);
    }

    [Fact]
    public void SeveralHosts_EachLineStartsWithItsHost_AndNoLineMixesTwoHosts()
    {
        var labels = new HostLabels();
        var shown = labels.Label("a", "one\r\ntwo") + labels.Label("a", " more\r\n") + labels.Label("b", "$ ") + labels.Label("a", "$ ");
        Assert.Equal("[a] one\r\n[a] two more\r\n[b] $ \r\n[a] $ ", Plain(shown));
    }

    private static string Plain(string text) => text.Replace("\x1b[36m", string.Empty, StringComparison.Ordinal).Replace("\x1b[0m", string.Empty, StringComparison.Ordinal);
}
