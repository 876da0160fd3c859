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

/// <summary>The execution product logging JSON lines with scopes, at Debug, as an operator would run it to investigate.</summary>
public sealed class JsonLogProduct : ExecutionProduct
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() =>
    [
        .. base.ExtraSettings(),
        new("Logging:Console:FormatterName", "json"),
        new("Logging:Console:FormatterOptions:IncludeScopes", "true"),
        new("Logging:LogLevel:Default", "Debug"),
        new("Logging:LogLevel:Microsoft", "Debug"),
    ];
}
