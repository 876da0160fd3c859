using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>The default profile's storage: one SQLite file in the product's working folder (<see cref="EmbeddedProduct.DatabaseFile"/>).</summary>
public sealed class SqliteFile : ProductPart
{
    public override Task<Dictionary<string, string>> SettingsAsync(string workDir) =>
        Task.FromResult(ProductSettings.Sqlite(EmbeddedProduct.DatabaseFileIn(workDir)));
}

/// <summary>The cluster profile's storage: MariaDB for state, reminders, membership and tables, on a database of its own.</summary>
public sealed class MariaDbDatabase : ProductPart
{
    public override Task<Dictionary<string, string>> SettingsAsync(string workDir) => ProductSettings.MariaDbAsync();
}
