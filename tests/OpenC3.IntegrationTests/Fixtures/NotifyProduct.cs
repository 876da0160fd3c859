using System.Globalization;
using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>
/// The embedded product on the sshd farm with its mail exit pointed at an SMTP listener and its SMS exit
/// at a webhook receiver, both run by the test on loopback; failed sends are retried after 1 s, 2 s.
/// </summary>
public class NotifyProduct : ExecutionProduct
{
    public const string AdminEmail = "c3-admin@mail.test";
    public const string AdminPhone = "13800000001";
    public const string SmsKey = "sms-gateway-key";
    public const int MaxAttempts = 3;
    public const string SmtpUser = "notifier";

    public NotifyProduct()
        : this(new SqliteFile())
    {
    }

    protected NotifyProduct(ProductPart storage)
        : base(
            storage,
            new MailServer(SmtpUser, $"pw-{Guid.NewGuid():N}", "OpenC3 <openc3@ci.test>"),
            new SmsGateway(SmsKey),
            new Configured(("Notify:RetryDelay", "00:00:01"), ("Notify:MaxAttempts", MaxAttempts.ToString(CultureInfo.InvariantCulture))))
    {
    }

    /// <summary>The SMTP password: it must reach the mail server and never the product's log.</summary>
    public string SmtpPassword => Part<MailServer>().Password;

    public SmtpListener Smtp => Part<MailServer>().Listener;

    public WebhookReceiver Sms => Part<SmsGateway>().Receiver;

    /// <summary>The admin logged in (calltype `page`), with an address-book entry and `_` on node 0's notify list, and the test templates set.</summary>
    public async Task<ApiClient> AdminWithSwitchesAsync(IReadOnlyDictionary<string, string> switches)
    {
        var admin = await AdminAsync();
        Ok(await admin.PostAsync("/api/connector/useraddr", new { user = "open-c3", email = AdminEmail, phone = AdminPhone }));
        await admin.PostAsync("/api/job/notify/0", new { user = "_" });
        var environment = new Dictionary<string, string>(switches)
        {
            ["notifyTemplateEmailTitle"] = "[${projectname}] ${name} ${status}\nthis second line is dropped",
            ["notifyTemplateEmailContent"] = "task ${uuid} (${calltype}) by ${user}: ${status} ${unknown}",
            ["notifyTemplateSmsContent"] = "${name} \"${status}\" ${uuid}",
        };
        Ok(await admin.PostAsync("/api/job/environment", environment));
        return admin;
    }

    /// <summary>The mails received so far about one task (its uuid is in every test template).</summary>
    public IReadOnlyList<ReceivedMail> MailsAbout(string uuid) => [.. Smtp.Mails.Where(m => m.Text.Contains(uuid, StringComparison.Ordinal))];

    public IReadOnlyList<ReceivedRequest> SmsAbout(string uuid) => [.. Sms.Requests.Where(r => r.Body.Contains(uuid, StringComparison.Ordinal))];

    private static void Ok(JsonElement reply)
    {
        if (!reply.GetProperty("stat").GetBoolean())
        {
            throw new InvalidOperationException($"setup call failed: {reply}");
        }
    }
}

public sealed class MariaDbNotifyProduct() : NotifyProduct(new MariaDbDatabase());
