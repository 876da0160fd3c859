using OpenC3.Api.Docs;

namespace OpenC3.UnitTests;

public sealed class OpenApiNamingTests
{
    [Theory]
    [InlineData("/api/job/task/{treeid}/job/byname", "job: task")]
    [InlineData("/api/connector/default/user/login", "connector: default")]
    [InlineData("/healthz", "healthz")]
    public void RouteGroup_IsModuleAndFirstSegment(string path, string tag) => Assert.Equal(tag, EnvelopeDocument.RouteGroup(path));

    [Fact]
    public void TemplateParameters_DropConstraintsAndOptionalMarks() =>
        Assert.Equal(["treeid", "id", "name"], RouteParameters.TemplateParameters("/api/job/x/{treeid}/{id:int}/{name?}"));
}
