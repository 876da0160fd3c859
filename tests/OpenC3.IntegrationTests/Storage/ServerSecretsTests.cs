using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Storage;

namespace OpenC3.IntegrationTests.Storage;

/// <summary>A shared key (the crontab run-id key) is created once however many silos ask at once, and read back the same after a restart.</summary>
public sealed class ServerSecretsTests
{
    [Fact]
    public async Task SilosAskingAtOnce_OnSqlite_GetOneKey_ThatSurvivesARestart()
    {
        await AssertOneStableKeyAsync(ScratchStorage.Sqlite("openc3-secret-"));
    }

    [Fact]
    public async Task SilosAskingAtOnce_OnMariaDb_GetOneKey_ThatSurvivesARestart()
    {
        await AssertOneStableKeyAsync(await ScratchStorage.MariaDbAsync());
    }

    private static async Task AssertOneStableKeyAsync(StorageOptions options)
    {
        var database = new SqlDatabase(Options.Create(options));
        await new SchemaBootstrapper(database, NullLogger<SchemaBootstrapper>.Instance).ApplyAsync(CancellationToken.None);

        // Each "silo" has its own cache, so every one of them goes to the database.
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => new ServerSecrets(new SqlDatabase(Options.Create(options))).GetAsync("test-key")));
        Assert.Equal(32, keys[0].Length);
        Assert.All(keys, key => Assert.Equal(keys[0], key));

        var afterRestart = await new ServerSecrets(new SqlDatabase(Options.Create(options))).GetAsync("test-key");
        Assert.Equal(keys[0], afterRestart);
        Assert.NotEqual(keys[0], await new ServerSecrets(database).GetAsync("another-key"));
    }
}
