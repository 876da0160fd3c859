using Microsoft.Data.Sqlite;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Embedded;

public sealed class EnvironmentApiTests(EmbeddedProduct product) : IClassFixture<EmbeddedProduct>
{
    [Fact]
    public async Task Get_WithoutLogin_AnswersCode10000()
    {
        using var anonymous = product.Anonymous();
        var reply = await anonymous.GetAsync("/api/job/environment");
        Assert.False(reply.GetProperty("stat").GetBoolean());
        Assert.Equal(10000, reply.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Get_WithWrongAppKey_AnswersCode10000()
    {
        using var intruder = new ApiClient(product.BaseUrl, EmbeddedProduct.AppName, "guessed");
        var reply = await intruder.GetAsync("/api/job/environment");
        Assert.Equal(10000, reply.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Get_NeverSet_ReturnsUpstreamDefaults()
    {
        using var app = product.App();
        var reply = await app.GetAsync("/api/job/environment");
        Assert.True(reply.GetProperty("stat").GetBoolean());
        var data = reply.GetProperty("data");
        Assert.Equal("false", data.GetProperty("isPageSuccessEmail").GetString());
        Assert.Equal("projectid: ${projectid} job ${status}", data.GetProperty("notifyTemplateEmailTitle").GetString());
    }

    [Fact]
    public async Task Post_ThenGet_ReturnsNewValue_AndDeleteRestoresDefault()
    {
        using var app = product.App();
        var set = await app.PostAsync("/api/job/environment", new Dictionary<string, string> { ["isCrontabSuccessSms"] = "true", ["notifyTemplateSmsContent"] = "job ${uuid} is ${status}" });
        Assert.True(set.GetProperty("stat").GetBoolean());
        Assert.Equal(2, set.GetProperty("data").GetInt32());

        var data = (await app.GetAsync("/api/job/environment")).GetProperty("data");
        Assert.Equal("true", data.GetProperty("isCrontabSuccessSms").GetString());
        Assert.Equal("job ${uuid} is ${status}", data.GetProperty("notifyTemplateSmsContent").GetString());

        var deleted = await app.DeleteAsync("/api/job/environment", new Dictionary<string, int> { ["isCrontabSuccessSms"] = 1 });
        Assert.Equal(1, deleted.GetProperty("data").GetInt32());
        data = (await app.GetAsync("/api/job/environment")).GetProperty("data");
        Assert.Equal("false", data.GetProperty("isCrontabSuccessSms").GetString());
    }

    [Fact]
    public async Task Post_BadKeyOrQuotedValue_IsRefusedWithUpstreamMessage_AndNothingWritten()
    {
        using var app = product.App();
        var badKey = await app.PostAsync("/api/job/environment", new Dictionary<string, string> { ["isPageFailSms"] = "false", ["bad-key"] = "x" });
        Assert.False(badKey.GetProperty("stat").GetBoolean());
        Assert.Equal("check format fail bad-key format error (?^:^[A-Za-z0-9]+$)", badKey.GetProperty("info").GetString());

        var quoted = await app.PostAsync("/api/job/environment", new Dictionary<string, string> { ["notifyTemplateEmailTitle"] = "it's" });
        Assert.Equal("check format fail notifyTemplateEmailTitle format error", quoted.GetProperty("info").GetString());

        var data = (await app.GetAsync("/api/job/environment")).GetProperty("data");
        Assert.Equal("true", data.GetProperty("isPageFailSms").GetString());
    }

    [Fact]
    public async Task Post_MalformedJson_IsStatFalse_NotAServerError()
    {
        using var app = product.App();
        var response = await app.Http.PostAsync("/api/job/environment", new StringContent("{broken", System.Text.Encoding.UTF8, "application/json"));
        var reply = await ApiClient.ReadAsync(response);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("request body is not valid JSON", reply.GetProperty("info").GetString());
    }

    [Fact]
    public async Task UnknownRoute_Is404InTheEnvelope()
    {
        using var app = product.App();
        var response = await app.Http.GetAsync("/api/job/no-such-thing");
        var reply = await ApiClient.ReadAsync(response);
        Assert.Equal(404, (int)response.StatusCode);
        Assert.False(reply.GetProperty("stat").GetBoolean());
    }

    [Fact]
    public async Task StorageFault_Is500InTheEnvelope_WithoutStackTrace()
    {
        using var app = product.App();
        Assert.True((await app.GetAsync("/api/job/environment")).GetProperty("stat").GetBoolean());
        await using (var sqlite = new SqliteConnection($"Data Source={product.DatabaseFile}"))
        {
            await sqlite.OpenAsync();
            await using var rename = new SqliteCommand("ALTER TABLE openc3_job_environment RENAME TO environment_moved_away", sqlite);
            await rename.ExecuteNonQueryAsync();
        }

        try
        {
            var response = await app.Http.GetAsync("/api/job/environment");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(500, (int)response.StatusCode);
            Assert.Contains("\"stat\":false", body, StringComparison.Ordinal);
            Assert.Contains("internal error (ref ", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        }
        finally
        {
            await using var sqlite = new SqliteConnection($"Data Source={product.DatabaseFile}");
            await sqlite.OpenAsync();
            await using var restore = new SqliteCommand("ALTER TABLE environment_moved_away RENAME TO openc3_job_environment", sqlite);
            await restore.ExecuteNonQueryAsync();
        }
    }
}
