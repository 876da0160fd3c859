using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Notifications;

/// <summary>
/// Task notices as a user receives them: runs started by a logged-in user (calltype `page`) mail and
/// text the tree node's notify list through the channels switched on in `/environment`, rendered from
/// its templates, once per episode; a mail server that refuses is retried and never touches the task.
/// </summary>
public abstract class NotificationTests(NotifyProduct product)
{
    private const string J = "/api/job";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SuccessAndFail_AreMailedAndTexted_FromTheTemplates()
    {
        using var admin = await product.AdminWithSwitchesAsync(Switches(success: true, fail: true));

        var ok = await RunAsync(admin, "notify-ok", "echo fine", "success");
        var mail = await OneMailAsync(ok);
        Assert.Equal([NotifyProduct.AdminEmail], mail.To);
        Assert.Equal("[project_0] notify-ok success", mail.Subject);
        Assert.Equal($"task {ok} (page) by open-c3: success ${{unknown}}", mail.Text);
        Assert.Contains((NotifyProduct.SmtpUser, product.SmtpPassword), product.Smtp.Logins);
        var sms = await OneSmsAsync(ok);
        Assert.Equal("POST", sms.Method);
        Assert.Equal($"/sms/send?to={NotifyProduct.AdminPhone}", sms.PathAndQuery);
        Assert.Equal(NotifyProduct.SmsKey, sms.Headers["X-Api-Key"]);
        var body = JsonDocument.Parse(sms.Body).RootElement;
        Assert.Equal(NotifyProduct.AdminPhone, body.GetProperty("phone").GetString());
        Assert.Equal($"notify-ok \"success\" {ok}", body.GetProperty("mesg").GetString());

        var bad = await RunAsync(admin, "notify-bad", "exit 3", "fail");
        Assert.Equal("[project_0] notify-bad fail", (await OneMailAsync(bad)).Subject);
        var failSms = JsonDocument.Parse((await OneSmsAsync(bad)).Body).RootElement;
        Assert.Equal($"notify-bad \"fail\" {bad}", failSms.GetProperty("mesg").GetString());
        Assert.DoesNotContain(product.SmtpPassword, product.Process.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchedOff_NothingIsSent()
    {
        using var admin = await product.AdminWithSwitchesAsync(Switches(success: false, fail: false));
        var quiet = await RunAsync(admin, "notify-quiet", "exit 4", "fail");

        // A later run with mail switched on is the marker: once its mail is in, the quiet run's turn has long passed.
        await product.AdminWithSwitchesAsync(Switches(success: true, fail: false));
        var marker = await RunAsync(admin, "notify-marker", "echo marker", "success");
        await OneMailAsync(marker);
        Assert.Empty(product.MailsAbout(quiet));
        Assert.Empty(product.SmsAbout(quiet));
    }

    [Fact]
    public async Task EachWaitingEpisode_IsNoticedOnce()
    {
        using var admin = await product.AdminWithSwitchesAsync(Switches(success: false, fail: true));
        var (uuid, stepUuid) = await StartWaitingJobAsync(admin, "notify-wait");
        var first = await OneMailAsync(uuid);
        Assert.Equal("[project_0] notify-wait waiting", first.Subject);

        // `running` retries the failing host, which fails again: a second episode, a second notice.
        await DecideAsync(admin, uuid, stepUuid, "running");
        await Eventually.WaitAsync(() => Task.FromResult(product.MailsAbout(uuid).Count), n => n >= 2, Patience, "the second waiting notice");

        await DecideAsync(admin, uuid, stepUuid, "fail");
        await WaitStatusAsync(admin, uuid, "fail");
        var mails = await Eventually.WaitAsync(() => Task.FromResult(product.MailsAbout(uuid)), m => m.Any(x => x.Subject.EndsWith(" fail", StringComparison.Ordinal)), Patience, "the fail notice");
        Assert.Equal(2, mails.Count(m => m.Subject.EndsWith(" waiting", StringComparison.Ordinal)));
        Assert.Single(mails, m => m.Subject.EndsWith(" fail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusingMailServer_IsRetried_AndTheTaskIsUnaffected()
    {
        using var admin = await product.AdminWithSwitchesAsync(Switches(success: true, fail: false));
        product.Smtp.RefuseNext(2);
        var refusedBefore = product.Smtp.Refused;
        var uuid = await RunAsync(admin, "notify-retry", "echo retry", "success");

        var mail = await OneMailAsync(uuid);
        Assert.Equal("[project_0] notify-retry success", mail.Subject);
        Assert.Equal(refusedBefore + 2, product.Smtp.Refused);
        Assert.Equal("success", (await TaskAsync(admin, uuid)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AMailServerThatAlwaysRefuses_IsTriedABoundedNumberOfTimes()
    {
        using var admin = await product.AdminWithSwitchesAsync(Switches(success: true, fail: false));
        product.Smtp.RefuseNext(1000);
        try
        {
            var refusedBefore = product.Smtp.Refused;
            var uuid = await RunAsync(admin, "notify-giveup", "echo giveup", "success");
            await Eventually.WaitAsync(() => Task.FromResult(product.Smtp.Refused - refusedBefore), n => n >= NotifyProduct.MaxAttempts, Patience, "every attempt");

            // Attempts come 1 s and 2 s apart; another would come 4 s after the last.
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.Equal(NotifyProduct.MaxAttempts, product.Smtp.Refused - refusedBefore);
            Assert.Empty(product.MailsAbout(uuid));
            Assert.Single(product.SmsAbout(uuid));
        }
        finally
        {
            product.Smtp.RefuseNext(0);
        }
    }

    /// <summary>The open relay through the real mail and SMS exits: an outside address never reaches the SMTP server or the SMS gateway.</summary>
    [Fact]
    public async Task NotifyRoute_ToAnOutsideAddress_SendsNoMailAndNoSms()
    {
        using var admin = await product.AdminWithSwitchesAsync(Switches(success: false, fail: false));
        using var app = product.App();
        var tag = Guid.NewGuid().ToString("N");
        var refused = await app.PostAsync("/api/connector/connectorx/notify", new
        {
            data = new object[]
            {
                new { type = "email", to = new[] { "victim@outside.example" }, title = "relay", content = $"relay {tag}" },
                new { type = "sms", to = new[] { "open-c3", "+15550100" }, mesg = $"relay {tag}" },
            },
        });
        Assert.False(refused.GetProperty("stat").GetBoolean());

        // The marker goes to the admin's address-book entry; once it is in, the refused items had their turn.
        var delivered = await app.PostAsync("/api/connector/connectorx/notify", new
        {
            data = new object[] { new { type = "email", to = new[] { "open-c3" }, title = "marker", content = $"marker {tag}" } },
        });
        Assert.True(delivered.GetProperty("stat").GetBoolean(), delivered.ToString());
        Assert.Equal([NotifyProduct.AdminEmail], (await OneMailAsync($"marker {tag}")).To);
        Assert.Empty(product.MailsAbout($"relay {tag}"));
        Assert.Empty(product.SmsAbout($"relay {tag}"));
    }

    public static Dictionary<string, string> Switches(bool success, bool fail) => new()
    {
        ["isPageSuccessEmail"] = Text(success),
        ["isPageSuccessSms"] = Text(success),
        ["isPageFailEmail"] = Text(fail),
        ["isPageFailSms"] = Text(fail),
        ["isPageWaitingEmail"] = "true",
        ["isPageWaitingSms"] = "false",
    };

    /// <summary>A job whose only step fails on its host every time, started and waiting for a decision.</summary>
    public static async Task<(string Uuid, string StepUuid)> StartWaitingJobAsync(ApiClient admin, string name)
    {
        var step = new Dictionary<string, object?>
        {
            ["plugin_type"] = "cmd", ["name"] = "always-fails", ["user"] = TestServers.SshUser, ["node_type"] = "builtin",
            ["node_cont"] = TestServers.SshHosts[37], ["scripts_type"] = "shell", ["scripts_cont"] = "exit 5", ["scripts_argv"] = "", ["timeout"] = "60",
        };
        var job = await admin.PostAsync($"{J}/jobs/0", new { name, data = new[] { step }, permanent = 1 });
        Assert.True(job.GetProperty("stat").GetBoolean(), job.ToString());
        var started = await admin.PostAsync($"{J}/task/0/job", new { jobuuid = job.GetProperty("uuid").GetString() });
        Assert.True(started.GetProperty("stat").GetBoolean(), started.ToString());
        var uuid = started.GetProperty("uuid").GetString()!;
        await WaitStatusAsync(admin, uuid, "waiting");
        var stepUuid = (await admin.GetAsync($"{J}/subtask/0/{uuid}")).GetProperty("data")[0].GetProperty("uuid").GetString()!;
        return (uuid, stepUuid);
    }

    public static async Task DecideAsync(ApiClient admin, string uuid, string stepUuid, string control)
    {
        var reply = await admin.PostAsync($"{J}/subtask/0", new { taskuuid = uuid, subtaskuuid = stepUuid, subtasktype = "cmd", control });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
    }

    public static Task<JsonElement> WaitStatusAsync(ApiClient client, string uuid, string status) =>
        Eventually.WaitAsync(() => TaskAsync(client, uuid), t => t.GetProperty("status").GetString() == status, Patience, $"task {uuid} to be {status}");

    private static async Task<JsonElement> TaskAsync(ApiClient client, string uuid) => (await client.GetAsync($"{J}/task/0/{uuid}")).GetProperty("data");

    /// <summary>An ad-hoc command on one farm host; returns the task uuid once it has <paramref name="expected"/> status.</summary>
    private static async Task<string> RunAsync(ApiClient admin, string name, string script, string expected)
    {
        var started = await admin.PostAsync($"{J}/task/0/plugin_cmd", new
        {
            name,
            user = TestServers.SshUser,
            node_type = "builtin",
            node_cont = TestServers.SshHosts[36],
            scripts_type = "shell",
            scripts_cont = script,
            timeout = 60,
        });
        Assert.True(started.GetProperty("stat").GetBoolean(), started.ToString());
        var uuid = started.GetProperty("data").GetProperty("uuid").GetString()!;
        await WaitStatusAsync(admin, uuid, expected);
        return uuid;
    }

    private async Task<ReceivedMail> OneMailAsync(string uuid) =>
        Assert.Single(await Eventually.WaitAsync(() => Task.FromResult(product.MailsAbout(uuid)), m => m.Count > 0, Patience, $"a mail about {uuid}"));

    private async Task<ReceivedRequest> OneSmsAsync(string uuid) =>
        Assert.Single(await Eventually.WaitAsync(() => Task.FromResult(product.SmsAbout(uuid)), m => m.Count > 0, Patience, $"an SMS about {uuid}"));

    private static string Text(bool on) => on ? "true" : "false";
}

public sealed class SqliteNotificationTests(NotifyProduct product) : NotificationTests(product), IClassFixture<NotifyProduct>;

public sealed class MariaDbNotificationTests(MariaDbNotifyProduct product) : NotificationTests(product), IClassFixture<MariaDbNotifyProduct>;
