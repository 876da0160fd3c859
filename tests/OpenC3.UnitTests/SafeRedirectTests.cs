using OpenC3.Api.Infrastructure;

namespace OpenC3.UnitTests;

public sealed class SafeRedirectTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/#/home", true)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("https://c3.example.com/#/x", true)]
    [InlineData("http://c3.example.com/#/x", false)]
    [InlineData("https://c3.example.com.evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("", false)]
    [InlineData("/job/list?id=7&x=%2Fa", true)]
    [InlineData("https://c3.example.com", true)]
    [InlineData("https://c3.example.com?next=1", true)]
    public void OnlyLocalPathsAndTheSiteItself_AreSafe(string target, bool safe) =>
        Assert.Equal(safe, SafeRedirect.IsSafe(target, "https://c3.example.com"));

    /// <summary>Each of these is followed by a browser to evil.example (tabs and newlines dropped, `\` read as `/`, or decoded on the way).</summary>
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("\t//evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\\/evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%2f%2fevil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%252F/evil.example")]
    [InlineData("/%25252F/evil.example")]
    [InlineData("https://c3.example.com@evil.example/")]
    [InlineData("https://c3.example.com:443@evil.example/")]
    [InlineData("https://c3.example.com\\@evil.example/")]
    [InlineData("https:evil.example")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("/\u00a0/evil.example")]
    public void TargetsABrowserWouldNormaliseIntoAnotherHost_AreRefused(string target) =>
        Assert.False(SafeRedirect.IsSafe(target, "https://c3.example.com"));
}
