using System.Globalization;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>A loopback SMTP server that wants a login, as the product's mail exit.</summary>
public sealed class MailServer(string user, string password, string from) : ProductPart
{
    public SmtpListener Listener { get; } = SmtpListener.Start();

    public string Password => password;

    public override ValueTask DisposeAsync() => Listener.DisposeAsync();

    protected override Dictionary<string, string> Settings() => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Listener.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:User"] = user,
        ["Smtp:Password"] = password,
        ["Smtp:From"] = from,
    };
}

/// <summary>A loopback webhook receiver as the product's SMS exit, sending <paramref name="apiKey"/> as `X-Api-Key`.</summary>
public sealed class SmsGateway(string apiKey) : ProductPart
{
    public WebhookReceiver Receiver { get; } = WebhookReceiver.Start();

    public override ValueTask DisposeAsync() => Receiver.DisposeAsync();

    protected override Dictionary<string, string> Settings() => new()
    {
        ["SmsWebhook:Url"] = $"{Receiver.BaseUrl}/sms/send?to=${{phone}}",
        ["SmsWebhook:Headers:X-Api-Key"] = apiKey,
    };
}
