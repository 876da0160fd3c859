using System.Globalization;

namespace OpenC3.TestSupport;

/// <summary>The settings blocks every product under test is composed from: its storage, and the test sshd farm.</summary>
public static class ProductSettings
{
    public static Dictionary<string, string> Sqlite(string file) => new()
    {
        ["Storage:Provider"] = "sqlite",
        ["Storage:ConnectionString"] = $"Data Source={file}",
    };

    /// <summary>The cluster profile's storage on a fresh, empty database of the test MariaDB.</summary>
    public static async Task<Dictionary<string, string>> MariaDbAsync() => new()
    {
        ["Storage:Provider"] = "mysql",
        ["Storage:ConnectionString"] = await MariaDb.CreateDatabaseAsync(),
    };

    /// <summary>The farm's login, key and port, for any product that runs steps.</summary>
    public static Dictionary<string, string> SshFarm => new()
    {
        ["Ssh:User"] = TestServers.SshUser,
        ["Ssh:KeyFile"] = TestServers.SshKeyFile,
        ["Ssh:Port"] = TestServers.SshPort.ToString(CultureInfo.InvariantCulture),
    };
}
