using System.Net.Http.Headers;
using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>
/// JSON console logs (`Logging:Console:FormatterName=json`, scopes on) carry the task, step and host of the
/// execution path, and the product's whole output at Debug never contains a secret it was given or made
/// (passwords, app key, session cookies, upload token, SMTP password).
/// </summary>
public sealed class StructuredLogTests(JsonLogProduct product) : IClassFixture<JsonLogProduct>
{
    [Fact]
    public async Task AFailedHost_IsLoggedAsJson_WithTaskStepAndHostInScope()
    {
        using var app = product.App();
        var host = TestServers.SshHosts[39];
        var (uuid, status) = await RunCommandAsync(app, host, "exit 9");
        Assert.Equal("fail", status);

        var entry = await Eventually.WaitAsync(
            () => Task.FromResult(JsonLines().FirstOrDefault(e => e.GetProperty("Category").GetString() == "OpenC3.Grains.Execution.StepRunner" && Scope(e, "TaskUuid") == uuid && Scope(e, "Host") == host)),
            e => e.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(20),
            "a JSON log entry of the failed host");
        Assert.Equal("Warning", entry.GetProperty("LogLevel").GetString());
        Assert.Equal("operability", Scope(entry, "Step"));
        Assert.Contains("exit 9", entry.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_NeverReachTheLog()
    {
        var secrets = new List<string> { EmbeddedProduct.AdminPassword, EmbeddedProduct.AppKey };
        using var admin = await product.AdminAsync();
        secrets.Add(admin.SessionId!);

        var user = $"logs{Guid.NewGuid():N}"[..14];
        var password = $"Pw-{Guid.NewGuid():N}";
        secrets.Add(password);
        Assert.True((await admin.PostAsync("/api/connector/default/user/adduser", new { user, pass = password })).GetProperty("stat").GetBoolean());
        using var browser = product.Anonymous();
        Assert.True((await browser.LoginAsync(user, password)).GetProperty("stat").GetBoolean());
        secrets.Add(browser.SessionId!);
        using var guesser = product.Anonymous();
        Assert.False((await guesser.LoginAsync(user, "wrong-" + password)).GetProperty("stat").GetBoolean());

        var generated = (await admin.PostAsync("/api/connector/default/user/adduser", new { user = user + "g" })).Data().GetProperty("pass").GetString()!;
        secrets.Add(generated);

        using var app = product.App();
        Assert.True((await app.GetAsync("/api/job/environment")).GetProperty("stat").GetBoolean());
        using var wrongKey = new ApiClient(product.BaseUrl, EmbeddedProduct.AppName, "not-the-key-" + Guid.NewGuid().ToString("N"));
        Assert.False((await wrongKey.GetAsync("/api/job/environment")).GetProperty("stat").GetBoolean());

        var token = (await app.PostAsync("/api/job/token/0", new { describe = "log check", isjob = 0, jobname = "" })).GetProperty("token").GetString()!;
        secrets.Add(token);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "log-check.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/job/fileserver/0/upload") { Content = upload };
        request.Headers.Add("token", token);
        Assert.True((await ApiClient.ReadAsync(await guesser.Http.SendAsync(request))).GetProperty("stat").GetBoolean());

        secrets.Add(JsonLogProduct.SmtpPassword);
        Assert.True((await admin.PostAsync("/api/connector/useraddr", new { user = "ops-check", email = "ops-check@mail.test", phone = "100" })).GetProperty("stat").GetBoolean());
        var mailed = await app.PostAsync("/api/connector/connectorx/notify", new { data = new object[] { new { type = "email", to = new[] { "ops-check" }, title = "log check", content = "secrets stay out of logs" } } });
        Assert.True(mailed.GetProperty("stat").GetBoolean(), mailed.ToString());
        await Eventually.WaitAsync(() => Task.FromResult(product.Smtp.Logins.Count), n => n > 0, TimeSpan.FromSeconds(30), "the mail exit to log in to SMTP");
        Assert.Contains((JsonLogProduct.SmtpUser, JsonLogProduct.SmtpPassword), product.Smtp.Logins);

        var log = product.Process.Log;
        Assert.Contains("\"Category\":\"Microsoft.AspNetCore.Routing", log, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, log, StringComparison.Ordinal));
    }

    private IEnumerable<JsonElement> JsonLines()
    {
        foreach (var line in product.Process.Log.Split('\n'))
        {
            if (line.StartsWith('{'))
            {
                JsonElement entry;
                try
                {
                    entry = JsonDocument.Parse(line).RootElement.Clone();
                }
                catch (JsonException)
                {
                    continue;
                }

                yield return entry;
            }
        }
    }

    private static string? Scope(JsonElement entry, string name) =>
        entry.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _)).Select(s => s.GetProperty(name).ToString()).FirstOrDefault()
            : null;
}
