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
    public void OnlyLocalPathsAndTheSiteItself_AreSafe(string target, bool safe) =>
        Assert.Equal(safe, SafeRedirect.IsSafe(target, "https://c3.example.com"));
}
