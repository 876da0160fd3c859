using System.Text;
using Microsoft.AspNetCore.Http;
using OpenC3.Api.Infrastructure;

namespace OpenC3.UnitTests;

public sealed class CheckTests
{
    [Fact]
    public async Task MissingRequiredField_IsUndef()
    {
        var check = new Check(await ParamsAsync("{}")).Required("name", "^[a-z]+$");
        Assert.Equal("check format fail name undef", check.Failure);
    }

    [Fact]
    public async Task PatternMismatch_PrintsThePerlRegex()
    {
        var check = new Check(await ParamsAsync("""{"timeout":"ten"}""")).Required("timeout", @"^\d+$");
        Assert.Equal(@"check format fail timeout format error (?^:^\d+$)", check.Failure);
    }

    [Fact]
    public async Task NulInAnyCheckedField_IsAFormatError()
    {
        Assert.Equal("check format fail name format error", new Check(await ParamsAsync("""{"name":"job\u0000x"}""")).NoQuote("name", required: true).Failure);
        Assert.Equal("check format fail cont format error (?^:[\\s\\S])", new Check(await ParamsAsync("""{"cont":"a\u0000"}""")).Required("cont", "[\\s\\S]").Failure);
    }

    [Fact]
    public async Task AMapFieldGivenAsText_IsAFormatError_NullAndObjectsPass()
    {
        Assert.Equal("check format fail variable format error", new Check(await ParamsAsync("""{"variable":"ip=1"}""")).OptionalMap("variable").Failure);
        Assert.Equal("check format fail variable format error", new Check(await ParamsAsync("""{"variable":["ip"]}""")).OptionalMap("variable").Failure);
        Assert.Null(new Check(await ParamsAsync("""{"variable":null}""")).OptionalMap("variable").Failure);
        Assert.Null(new Check(await ParamsAsync("""{"variable":{"ip":"1"}}""")).OptionalMap("variable").Failure);
        Assert.Null(new Check(await ParamsAsync("{}")).OptionalMap("variable").Failure);
    }

    [Fact]
    public async Task EnumMismatch_ListsTheAllowedValues()
    {
        var check = new Check(await ParamsAsync("""{"everyone":"maybe"}""")).RequiredIn("everyone", "on", "off");
        Assert.Equal("check format fail everyone need in on,off", check.Failure);
    }

    [Fact]
    public async Task SingleQuote_IsAFormatErrorWithoutRegex()
    {
        var check = new Check(await ParamsAsync("""{"name":"it's"}""")).NoQuote("name", required: true);
        Assert.Equal("check format fail name format error", check.Failure);
    }

    [Fact]
    public async Task OverlongField_NamesTheLimit_AndAbsentFieldPasses()
    {
        var check = new Check(await ParamsAsync("""{"user":"abcdef"}""")).Required("user", ".+").MaxLength("user", 5).MaxLength("email", 1);
        Assert.Equal("check format fail user too long, at most 5 characters", check.Failure);
        Assert.Null(new Check(await ParamsAsync("""{"user":"abcde"}""")).MaxLength("user", 5).MaxLength("email", 1).Failure);
    }

    [Fact]
    public async Task FirstFailureWins_AndOptionalFieldsAreOnlyCheckedWhenPresent()
    {
        var input = await ParamsAsync("""{"a":"x","b":"y"}""");
        var check = new Check(input).Optional("missing", "^z$").Required("a", "^\\d+$").Required("b", "^\\d+$");
        Assert.Equal(@"check format fail a format error (?^:^\d+$)", check.Failure);
        Assert.Null(new Check(input).Optional("missing", "^z$").Required("a", "^x$").Failure);
    }

    [Fact]
    public async Task NumbersAndBooleans_AreCheckedAsText()
    {
        var check = new Check(await ParamsAsync("""{"timeout":60,"permanent":true}""")).Required("timeout", @"^\d+$").RequiredIn("permanent", "true", "false");
        Assert.Null(check.Failure);
    }

    [Fact]
    public async Task ListsAndMaps_WhereTextIsChecked_AreFormatErrors()
    {
        var input = await ParamsAsync("""{"name":[1,"a"],"type":{"a":1},"cont":[]}""");
        Assert.Equal("check format fail name format error", new Check(input).NoQuote("name", required: true).Failure);
        Assert.Equal("check format fail type format error", new Check(input).RequiredIn("type", "shell").Failure);
        Assert.Equal("check format fail cont format error", new Check(input).Optional("cont", "[\\s\\S]").Failure);
    }

    [Theory]
    [InlineData("""{"name":"\ud800"}""")]
    [InlineData("""{"a":{"\udc00":1}}""")]
    public async Task TextThatIsNotUtf8_IsABadRequest_BeforeAnyFieldIsRead(string json)
    {
        var error = await Assert.ThrowsAsync<BadRequestException>(() => ParamsAsync(json));
        Assert.Equal("request body holds text that is not valid UTF-8", error.Message);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "name=a%00b")]
    [InlineData("multipart/form-data; boundary=corpus", "garbage")]
    public async Task FormsTheFrameworkCannotRead_AreABadRequest(string contentType, string body)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var error = await Assert.ThrowsAsync<BadRequestException>(() => RequestParams.ReadAsync(context.Request));
        Assert.Equal("request body is not a valid form", error.Message);
    }

    [Fact]
    public async Task QueryAndJsonBody_AreMerged_BodyWins()
    {
        var input = await ParamsAsync("""{"name":"body"}""", "?name=query&extra=1");
        Assert.Equal("body", input.Text("name"));
        Assert.Equal("1", input.Text("extra"));
    }

    [Fact]
    public async Task NonObjectBody_IsABadRequest()
    {
        await Assert.ThrowsAsync<BadRequestException>(() => ParamsAsync("[1,2]"));
    }

    private static Task<RequestParams> ParamsAsync(string json, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return RequestParams.ReadAsync(context.Request);
    }
}
