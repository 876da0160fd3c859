using System.Diagnostics;
using System.Globalization;
using MySqlConnector;

namespace OpenC3.TestSupport;

/// <summary>
/// A `mariadbd` of one test's own (not the shared one of test.sh), on a free loopback port, so the test may
/// start it late, kill it and start it again. The data folder is created up front; <see cref="StartAsync"/>
/// creates the product's user and database on first start (`--init-file`), before the server listens.
/// </summary>
public sealed class PrivateMariaDb : IAsyncDisposable
{
    private const string Database = "openc3";
    private const string User = "openc3";
    private readonly string folder;
    private readonly string password = Guid.NewGuid().ToString("N");
    private Process? server;

    private PrivateMariaDb(string folder)
    {
        this.folder = folder;
        Port = FreePort.Next();
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Server=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Database={Database};User ID={User};Password={password};Pooling=true";

    /// <summary>Initialises the data folder (nothing listens yet).</summary>
    public static async Task<PrivateMariaDb> CreateAsync()
    {
        var db = new PrivateMariaDb(Directory.CreateTempSubdirectory("openc3-mariadb-").FullName);
        await RunAsync("mariadb-install-db", $"--no-defaults --datadir={db.DataDir} --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve --user=root");
        await File.WriteAllTextAsync(db.InitFile,
            $"CREATE DATABASE IF NOT EXISTS `{Database}` CHARACTER SET utf8mb4;\n" +
            $"CREATE USER IF NOT EXISTS '{User}'@'%' IDENTIFIED BY '{db.password}';\n" +
            $"GRANT ALL ON `{Database}`.* TO '{User}'@'%';\n");
        return db;
    }

    private string DataDir => Path.Combine(folder, "data");

    private string InitFile => Path.Combine(folder, "init.sql");

    /// <summary>Starts the server and waits (at most 60 s) until the product's user can query.</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("mariadbd",
            $"--no-defaults --datadir={DataDir} --socket={folder}/db.sock --port={Port.ToString(CultureInfo.InvariantCulture)} --bind-address=127.0.0.1 " +
            $"--user=root --skip-name-resolve --log-error={folder}/db.err --pid-file={folder}/db.pid --init-file={InitFile} " +
            "--innodb-buffer-pool-size=32M --innodb-flush-log-at-trx-commit=2 --max-connections=500")
        {
            UseShellExecute = false,
        };
        server = Process.Start(info)!;
        await Eventually.WaitAsync(ProbeAsync, up => up, TimeSpan.FromSeconds(60), $"the private MariaDB on port {Port} to answer");
    }

    /// <summary>kill -9 of the server: connections drop without a goodbye, as when its machine dies.</summary>
    public async Task KillAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill();
            await server.WaitForExitAsync();
        }

        server?.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<bool> ProbeAsync()
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return true;
    }

    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
