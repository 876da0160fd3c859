namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>
/// Products shared by test classes that keep their data apart by tree node (their own nodes, users and
/// uniquely named rows). The classes of one collection run one after the other, never beside each other.
/// A class that kills or restarts the product, changes global settings, counts global rows, or relies on
/// the login back-off of 127.0.0.1 keeps a product of its own.
/// </summary>
public static class SharedProducts
{
    public const string SqliteApi = "sqlite api";
    public const string MariaDbApi = "mariadb api";
    public const string SqliteExecution = "sqlite execution";
    public const string MariaDbExecution = "mariadb execution";
}

[StartEarly]
[CollectionDefinition(SharedProducts.SqliteApi)]
public sealed class SqliteApiCollection : ICollectionFixture<EmbeddedProduct>;

[StartEarly]
[CollectionDefinition(SharedProducts.MariaDbApi)]
public sealed class MariaDbApiCollection : ICollectionFixture<MariaDbEmbeddedProduct>;

[StartEarly]
[CollectionDefinition(SharedProducts.SqliteExecution)]
public sealed class SqliteExecutionCollection : ICollectionFixture<ExecutionProduct>;

[StartEarly]
[CollectionDefinition(SharedProducts.MariaDbExecution)]
public sealed class MariaDbExecutionCollection : ICollectionFixture<MariaDbExecutionProduct>;
