using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.UnitTests;

public sealed class NodeSpecPrivateTests
{
    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("010.0.0.1", false)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("172.15.0.1", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.169.1.1", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("11.0.0.1", false)]
    public void Rfc1918Ranges_AreInner_EverythingElseOuter(string ip, bool inner) => Assert.Equal(inner, NodeSpec.IsPrivate(ip));
}
