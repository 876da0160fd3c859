using OpenC3.IntegrationTests.Execution;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>The execution product on MariaDB, for what differs by storage (the database server's counters).</summary>
public sealed class MariaDbExecutionProduct : ExecutionProduct
{
    protected override async Task<Dictionary<string, string>> StorageSettingsAsync() => new()
    {
        ["Storage:Provider"] = "mysql",
        ["Storage:ConnectionString"] = await MariaDb.CreateDatabaseAsync(),
    };
}

/// <summary>
/// The execution product logging JSON lines with scopes, at Debug, as an operator would run it to
/// investigate; its mail goes to a loopback SMTP server that wants a login.
/// </summary>
public sealed class JsonLogProduct : ExecutionProduct
{
    public const string SmtpUser = "openc3-mailer";
    public const string SmtpPassword = "smtp-Secret-7f3c9a";

    public SmtpListener Smtp { get; } = SmtpListener.Start();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() =>
    [
        .. base.ExtraSettings(),
        new("Logging:Console:FormatterName", "json"),
        new("Logging:Console:FormatterOptions:IncludeScopes", "true"),
        new("Logging:LogLevel:Default", "Debug"),
        new("Logging:LogLevel:Microsoft", "Debug"),
        new("Smtp:Host", "127.0.0.1"),
        new("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:Security", "None"),
        new("Smtp:User", SmtpUser),
        new("Smtp:Password", SmtpPassword),
        new("Smtp:From", "openc3@mail.test"),
    ];
}
