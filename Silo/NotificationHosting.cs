using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenC3.Grains.Connector;
using OpenC3.Grains.Notifications;

namespace OpenC3.Silo;

public static class NotificationHosting
{
    /// <summary>
    /// Task notices and the message exits: mail through SMTP when `Smtp:Host` is set and SMS through
    /// the webhook when `SmsWebhook:Url` is set; whatever a configured exit cannot address, and every
    /// channel without one, is kept in the built-in inbox. Bad settings stop the silo at start.
    /// </summary>
    public static IHostApplicationBuilder AddOpenC3Notifications(this IHostApplicationBuilder builder)
    {
        var smtp = Bind<SmtpOptions>(builder, SmtpOptions.Section);
        smtp.Validate();
        var sms = Bind<SmsWebhookOptions>(builder, SmsWebhookOptions.Section);
        sms.Validate();
        Bind<NotifyOptions>(builder, NotifyOptions.Section).Validate();
        builder.Services.Configure<NotifyOptions>(builder.Configuration.GetSection(NotifyOptions.Section));
        builder.Services.AddSingleton<NoticeStore>();
        builder.Services.AddSingleton<InboxExit>();
        builder.Services.AddSingleton<IMessageExit>(services =>
        {
            IMessageExit exit = services.GetRequiredService<InboxExit>();
            exit = smtp.IsConfigured ? new SmtpMailExit(smtp, exit) : exit;
            return sms.IsConfigured ? new WebhookSmsExit(sms, exit) : exit;
        });
        return builder;
    }

    private static T Bind<T>(IHostApplicationBuilder builder, string section)
        where T : new() => builder.Configuration.GetSection(section).Get<T>() ?? new T();
}
