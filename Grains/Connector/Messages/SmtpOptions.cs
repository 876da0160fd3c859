using System.Runtime.CompilerServices;

namespace OpenC3.Grains.Connector;

/// <summary>`Smtp:*` — the mail exit. Without a <see cref="Host"/> mail stays in the built-in inbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 25;

    /// <summary>`None`, `Auto` (TLS on port 465, STARTTLS when offered), `SslOnConnect`, `StartTls` (required) or `StartTlsWhenAvailable`.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Login; empty sends without authenticating.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>Never logged nor shown.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The sender, e.g. `OpenC3 &lt;openc3@example.com&gt;`.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>Per connection and per command; keep it below Orleans' 30 s call timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsConfigured => Host.Length > 0;

    public void Validate()
    {
        if (IsConfigured && !IsMailAddress(From))
        {
            throw new InvalidOperationException("Smtp:From must be a mail address when Smtp:Host is set.");
        }

        if (IsConfigured && (Port is < 1 or > 65535 || Timeout <= TimeSpan.Zero))
        {
            throw new InvalidOperationException("Smtp:Port must be 1-65535 and Smtp:Timeout positive.");
        }
    }

    // Apart, so that a product without mail never loads MimeKit.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsMailAddress(string value) => MimeKit.MailboxAddress.TryParse(value, out _);
}

/// <summary>MailKit's <c>SecureSocketOptions</c> by name, so that binding the settings does not load MailKit.</summary>
public enum SmtpSecurity
{
    None,
    Auto,
    SslOnConnect,
    StartTls,
    StartTlsWhenAvailable,
}
