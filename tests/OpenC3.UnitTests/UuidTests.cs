using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.UnitTests;

public sealed class UuidTests
{
    [Fact]
    public void New_Is11AlphanumericsAndALowercaseLetter()
    {
        for (var i = 0; i < 1000; i++)
        {
            var uuid = Uuid.New();
            Assert.Matches("^[A-Za-z0-9]{11}[a-z]$", uuid);
            Assert.True(Uuid.IsValid(uuid));
        }
    }

    [Fact]
    public void New_DoesNotRepeat()
    {
        var seen = Enumerable.Range(0, 20000).Select(_ => Uuid.New()).ToHashSet();
        Assert.Equal(20000, seen.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abcdefghijk-")]
    [InlineData("abcdefghijklm")]
    public void IsValid_RefusesWrongShapes(string? candidate) => Assert.False(Uuid.IsValid(candidate));
}
