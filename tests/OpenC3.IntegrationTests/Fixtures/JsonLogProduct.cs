using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>
/// The execution product logging JSON lines with scopes, at Debug, as an operator would run it to
/// investigate; its mail goes to a loopback SMTP server that wants a login.
/// </summary>
public sealed class JsonLogProduct() : ExecutionProduct(
    new SqliteFile(),
    new MailServer(JsonLogProduct.SmtpUser, JsonLogProduct.SmtpPassword, "openc3@mail.test"),
    new Configured(
        ("Logging:Console:FormatterName", "json"),
        ("Logging:Console:FormatterOptions:IncludeScopes", "true"),
        ("Logging:LogLevel:Default", "Debug"),
        ("Logging:LogLevel:Microsoft", "Debug")))
{
    public const string SmtpUser = "openc3-mailer";
    public const string SmtpPassword = "smtp-Secret-7f3c9a";

    public SmtpListener Smtp => Part<MailServer>().Listener;
}
