using MySqlConnector;
using OpenC3.Grains.Storage;

namespace OpenC3.UnitTests;

public sealed class StorageOptionsTests
{
    private const string Server = "Server=127.0.0.1;Port=3306;User ID=openc3;Password=secret;Database=openc3";

    [Fact]
    public void MySqlConnections_AreNotResetAtEveryOpen_UnlessTheConnectionStringSaysSo()
    {
        var plain = new MySqlConnectionStringBuilder(new StorageOptions { Provider = "mysql", ConnectionString = Server }.MySqlConnectionString());
        var chosen = new MySqlConnectionStringBuilder(new StorageOptions { Provider = "mysql", ConnectionString = Server + ";Connection Reset=true" }.MySqlConnectionString());

        Assert.False(plain.ConnectionReset);
        Assert.Equal("secret", plain.Password);
        Assert.Equal("openc3", plain.Database);
        Assert.True(chosen.ConnectionReset);
    }
}
