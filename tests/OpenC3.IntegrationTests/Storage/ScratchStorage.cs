using OpenC3.Grains.Storage;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Storage;

/// <summary>Storage options on a fresh SQLite file or a fresh MariaDB database, for storage parts tested outside the product.</summary>
internal static class ScratchStorage
{
    public static StorageOptions Sqlite(string folderPrefix) => new()
    {
        Provider = "sqlite",
        ConnectionString = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory(folderPrefix).FullName, "openc3.db")}",
    };

    public static async Task<StorageOptions> MariaDbAsync() => new() { Provider = "mysql", ConnectionString = await MariaDb.CreateDatabaseAsync() };
}
