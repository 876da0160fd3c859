using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace OpenC3.Grains.Connector;

/// <summary>
/// Mail through an SMTP server (MailKit), one connection per message. An address that is not a mail
/// address (a user without an address-book email) and every SMS go on to <paramref name="next"/>.
/// </summary>
public sealed class SmtpMailExit(SmtpOptions options, IMessageExit next) : IMessageExit
{
    public async Task<string?> SendMailAsync(string address, string title, string content)
    {
        if (!address.Contains('@', StringComparison.Ordinal) || !MailboxAddress.TryParse(address, out var to))
        {
            return await next.SendMailAsync(address, title, content);
        }

        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(to);
        message.Subject = title;
        message.Body = new TextPart("plain") { Text = content };
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host, options.Port, Socket(options.Security));
            if (options.User.Length > 0)
            {
                await client.AuthenticateAsync(options.User, options.Password);
            }

            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
            return null;
        }
        catch (Exception error)
        {
            // MailKit's messages carry the server's reply, never the password.
            return $"smtp {options.Host}:{options.Port}: {error.Message}";
        }
    }

    public Task<string?> SendMesgAsync(string address, string mesg) => next.SendMesgAsync(address, mesg);

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.Auto,
    };
}
