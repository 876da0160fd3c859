using OpenC3.Grains.Abstractions.Files;

namespace OpenC3.UnitTests;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("app-1.2.3.tar.gz")]
    [InlineData("release notes.txt")]
    [InlineData("版本.zip")]
    [InlineData("..hidden")]
    [InlineData("a..b")]
    public void OrdinaryNames_AreSafe(string name) => Assert.True(FileNames.IsSafe(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b")]
    [InlineData("..\\windows")]
    [InlineData("C:\\boot.ini")]
    [InlineData("nul\0byte")]
    [InlineData("line\nbreak")]
    [InlineData("it's")]
    public void PathLikeOrControlNames_AreRefused(string? name) => Assert.False(FileNames.IsSafe(name));

    [Fact]
    public void Names_AreLimitedInLength()
    {
        Assert.True(FileNames.IsSafe(new string('a', FileNames.MaxLength)));
        Assert.False(FileNames.IsSafe(new string('a', FileNames.MaxLength + 1)));
    }
}
