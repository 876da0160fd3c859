using OpenC3.Grains.Execution;

namespace OpenC3.UnitTests;

public sealed class RemoteFileCommandsTests
{
    [Fact]
    public void Listing_KeepsNamesWithNewlinesAndSpaces_AndMapsTypes()
    {
        var entries = RemoteFileCommands.ParseListing("f\005\0644\01700000000.5\0\0a\nb c\0l\03\0777\01700000001.0\0a\nb c\0z\0d\04096\0755\01700000002.0\0\0sub\0s\00\0755\01700000003.0\0\0sock\0");
        Assert.Equal(["a\nb c", "sock", "sub", "z"], entries.Select(e => e.Name));
        Assert.Equal(["file", "other", "dir", "link"], entries.Select(e => e.Type));
        Assert.Equal(new Grains.Abstractions.Execution.RemoteEntry("a\nb c", "file", 5, "644", 1700000000, string.Empty), entries[0]);
        Assert.Equal("a\nb c", entries[3].LinkTarget);
    }

    [Fact]
    public void Listing_CutShortByTheOutputCap_DropsTheIncompleteEntry()
    {
        var entries = RemoteFileCommands.ParseListing("f\01\0644\01700000000\0\0whole\0f\02\0644\017000" + OutputBuffer.TruncatedMarker);
        Assert.Equal(["whole"], entries.Select(e => e.Name));
    }

    [Fact]
    public void Commands_AreFixedText_AndSudoOnlyForAnotherAccount()
    {
        Assert.StartsWith("sh -c ", RemoteFileCommands.List("deploy", "deploy"), StringComparison.Ordinal);
        Assert.StartsWith("sudo -n -u web sh -c ", RemoteFileCommands.Unlink("web", "deploy"), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RemoteFileCommands.Unlink("web;id", "deploy"));
    }
}
