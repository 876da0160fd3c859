using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Execution;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>The SSH executor against the real loopback sshd farm.</summary>
public sealed class SshExecutorTests : IAsyncLifetime
{
    private readonly SshOptions options = new()
    {
        User = TestServers.SshUser,
        KeyFile = TestServers.SshKeyFile,
        Port = TestServers.SshPort,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    private readonly ScratchDatabase database = new();
    private readonly SshConnectionPool pool;
    private readonly SshExecutor executor;

    public SshExecutorTests()
    {
        pool = new SshConnectionPool(Options.Create(options), database.KnownHosts, database.Routes, NullLogger<SshConnectionPool>.Instance);
        executor = new SshExecutor(pool, Options.Create(options), NullLogger<SshExecutor>.Instance);
    }

    [Fact]
    public async Task Command_OnTwentyHosts_ReportsEachExitCodeAndOutput()
    {
        var hosts = TestServers.SshHosts.Take(20).ToList();
        var results = await Task.WhenAll(hosts.Select(h =>
            executor.RunAsync(new RemoteCommand(h, "echo out-$SSH_CONNECTION; echo err >&2; exit 3", null, TimeSpan.FromSeconds(30), 0))));

        Assert.All(results.Zip(hosts), pair =>
        {
            var (result, host) = pair;
            Assert.Equal(host, result.Host);
            Assert.Equal(3, result.ExitCode);
            Assert.False(result.Succeeded);
            Assert.Contains($" {host} ", result.Output, StringComparison.Ordinal);
            Assert.Contains("err", result.Output, StringComparison.Ordinal);
            Assert.Null(result.Reason);
        });
    }

    [Fact]
    public async Task Script_RunsFromStdin_WithEnvironmentAndArguments_AndLeavesNoTempFile()
    {
        var tag = $"t{Guid.NewGuid():N}"[..20];
        var script = "echo \"v=$wk_version\"; echo \"argc=$# a1=$1 a2=$2\"; echo \"self=$0\"";
        var result = await executor.RunAsync(Script(TestServers.SshHosts[0], "shell", script, tag, "first 'two words'", new Dictionary<string, string> { ["wk_version"] = "1.2 'q'" }));

        Assert.True(result.Succeeded, result.Output + result.Reason);
        Assert.Contains("v=1.2 'q'", result.Output, StringComparison.Ordinal);
        Assert.Contains("argc=2 a1=first a2=two words", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries("/tmp", $"openc3.{tag}.*"));
    }

    [Fact]
    public async Task PerlScript_UsesItsInterpreter_AndAutoUsesTheShebang()
    {
        var host = TestServers.SshHosts[1];
        var perl = await executor.RunAsync(Script(host, "perl", "print \"perl:$ARGV[0]:\", 6*7, \"\\n\";", "perl1", "x"));
        Assert.Equal("perl:x:42\n", perl.Output);

        var auto = await executor.RunAsync(Script(host, "auto", "#!/bin/sh\necho shebang-ran\nexit 5\n", "auto1"));
        Assert.Equal(5, auto.ExitCode);
        Assert.Equal("shebang-ran\n", auto.Output);
    }

    [Fact]
    public async Task UnreachableHost_FailsWithAReason_InsteadOfHanging()
    {
        var watch = Stopwatch.StartNew();
        var result = await executor.RunAsync(new RemoteCommand("127.0.0.253", "true", null, TimeSpan.FromSeconds(30), 0));
        Assert.Null(result.ExitCode);
        Assert.StartsWith("connect fail", result.Reason, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task WrongKey_IsAnAuthFailure()
    {
        var keyDir = Directory.CreateTempSubdirectory("openc3-key-").FullName;
        var keyFile = Path.Combine(keyDir, "id_ed25519");
        using (var keygen = Process.Start("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", keyFile]))
        {
            await keygen.WaitForExitAsync();
        }

        var wrong = new SshOptions { User = options.User, KeyFile = keyFile, Port = options.Port };
        await using var otherPool = new SshConnectionPool(Options.Create(wrong), database.KnownHosts, database.Routes, NullLogger<SshConnectionPool>.Instance);
        var otherExecutor = new SshExecutor(otherPool, Options.Create(wrong), NullLogger<SshExecutor>.Instance);
        var result = await otherExecutor.RunAsync(new RemoteCommand(TestServers.SshHosts[2], "true", null, TimeSpan.FromSeconds(30), 0));
        Assert.Null(result.ExitCode);
        Assert.StartsWith("auth fail", result.Reason, StringComparison.Ordinal);
    }

    /// <summary>Issue 15: a script that leaves a child behind, ignores TERM and execs is stopped whole through the session it announced.</summary>
    [Fact]
    public async Task Timeout_StopsTheRunsWholeSession()
    {
        var tag = $"k{Guid.NewGuid():N}"[..20];
        var host = TestServers.SshHosts[3];

        // Durations unique to this run, so sleeps of other runs on the same farm are never counted.
        var unique = Random.Shared.Next(100_000, 999_999);
        var announced = new List<RemoteSession>();
        var stop = new RemoteStop(
            session => ScriptCommand.Stop(string.Empty, TestServers.SshUser, session, TimeSpan.FromSeconds(1)),
            session =>
            {
                announced.Add(session);
                return Task.CompletedTask;
            });
        var watch = Stopwatch.StartNew();
        var result = await executor.RunAsync(
            Script(host, "shell", $"echo started; sleep 300.{unique} & trap '' TERM; exec sleep 301.{unique}", tag, timeout: TimeSpan.FromSeconds(2)),
            stop: stop);

        Assert.Null(result.ExitCode);
        Assert.Equal("timeout after 2 s", result.Reason);
        Assert.StartsWith("started\n", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(RemoteSession.AnnouncementPrefix, result.Output, StringComparison.Ordinal);
        Assert.True(Assert.Single(announced).StartTicks > 0);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        await Eventually.WaitAsync(() => Task.FromResult(RunningSleeps(unique)), n => n == 0, TimeSpan.FromSeconds(10), "the remote sleeps to be killed");
        await Eventually.WaitAsync(() => Task.FromResult(Directory.GetFileSystemEntries("/tmp", $"openc3.{tag}.*").Length), n => n == 0, TimeSpan.FromSeconds(20), "the wrapper to remove the script");
    }

    /// <summary>
    /// Issue 15, crash recovery: a run whose session was never recorded (its silo died moments after the start) is found
    /// by its step's tag and stopped whole all the same.
    /// </summary>
    [Fact]
    public async Task ARunWithoutARecordedSession_IsStoppedByItsTag()
    {
        var tag = $"t{Guid.NewGuid():N}"[..20];
        var host = TestServers.SshHosts[4];
        var unique = Random.Shared.Next(100_000, 999_999);
        var run = executor.RunAsync(Script(host, "shell", $"sleep 300.{unique} & trap '' TERM; exec sleep 301.{unique}", tag, timeout: TimeSpan.FromSeconds(60)));
        await Eventually.WaitAsync(() => Task.FromResult(RunningSleeps(unique)), n => n == 2, TimeSpan.FromSeconds(20), "the remote sleeps to start");

        Assert.True(await executor.StopAsync(new SshTarget(host, 0), ScriptCommand.StopByTag(string.Empty, TestServers.SshUser, tag, TimeSpan.FromSeconds(1))));

        await Eventually.WaitAsync(() => Task.FromResult(RunningSleeps(unique)), n => n == 0, TimeSpan.FromSeconds(10), "the remote sleeps to be killed");
        Assert.NotEqual(0, (await run.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode);
    }

    /// <summary>
    /// Issue 15 (the flaky scp timeout test): a destination whose connection dies mid-copy (its silo died) or that is
    /// signalled must remove its temp file itself. Before, its "incomplete copy" message on the dead connection killed
    /// it with SIGPIPE (or a signal killed it) before its EXIT trap ran.
    /// </summary>
    [Fact]
    public async Task ACopyDestinationWhoseConnectionDies_RemovesItsTempFile()
    {
        var folder = ScpStepTests.Scratch($"cut-{Guid.NewGuid():N}");
        var commandText = ScpCommands.FileTarget(folder + "/", "copy.bin", CopyHeader.File(1_000_000), string.Empty, string.Empty, string.Empty, TestServers.SshUser);
        using (var client = new Renci.SshNet.SshClient(TestServers.SshHosts[7], TestServers.SshPort, TestServers.SshUser, new Renci.SshNet.PrivateKeyFile(TestServers.SshKeyFile)))
        {
            await client.ConnectAsync(CancellationToken.None);
            var command = client.CreateCommand(commandText);
            _ = command.ExecuteAsync(CancellationToken.None);
            var input = command.CreateInputStream();
            await input.WriteAsync(new byte[1000]);
            await input.FlushAsync();
            await Eventually.WaitAsync(() => Task.FromResult(Directory.GetFileSystemEntries(folder).Length), n => n == 1, TimeSpan.FromSeconds(20), "the temp file to be written");
        }

        await Eventually.WaitAsync(() => Task.FromResult(Directory.GetFileSystemEntries(folder).Length), n => n == 0, TimeSpan.FromSeconds(10), "the cut destination to remove its temp file");
        Directory.Delete(folder);
    }

    [Fact]
    public async Task HugeOutput_IsCappedWithAMarker()
    {
        var capped = new SshOptions { User = options.User, KeyFile = options.KeyFile, Port = options.Port, MaxOutputBytes = 100_000 };
        await using var cappedPool = new SshConnectionPool(Options.Create(capped), database.KnownHosts, database.Routes, NullLogger<SshConnectionPool>.Instance);
        var cappedExecutor = new SshExecutor(cappedPool, Options.Create(capped), NullLogger<SshExecutor>.Instance);
        var result = await cappedExecutor.RunAsync(new RemoteCommand(TestServers.SshHosts[4], "head -c 3000000 /dev/zero | tr '\\0' x; exit 0", null, TimeSpan.FromSeconds(60), 0));
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(OutputBuffer.TruncatedMarker, result.Output, StringComparison.Ordinal);
        Assert.True(result.Output.Length < 100_000 + 100);
    }

    [Fact]
    public async Task Connections_AreReusedAcrossCommands()
    {
        var host = TestServers.SshHosts[5];
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await executor.RunAsync(new RemoteCommand(host, "true", null, TimeSpan.FromSeconds(30), 0))).Succeeded);
        }

        Assert.Equal(1, pool.OpenConnections);
    }

    [Fact]
    public async Task IdleConnections_AreClosed()
    {
        var brief = new SshOptions { User = options.User, KeyFile = options.KeyFile, Port = options.Port, IdleTimeout = TimeSpan.FromSeconds(2) };
        await using var briefPool = new SshConnectionPool(Options.Create(brief), database.KnownHosts, database.Routes, NullLogger<SshConnectionPool>.Instance);
        var briefExecutor = new SshExecutor(briefPool, Options.Create(brief), NullLogger<SshExecutor>.Instance);
        Assert.True((await briefExecutor.RunAsync(new RemoteCommand(TestServers.SshHosts[6], "true", null, TimeSpan.FromSeconds(30), 0))).Succeeded);
        Assert.Equal(1, briefPool.OpenConnections);
        await Eventually.WaitAsync(() => Task.FromResult(briefPool.OpenConnections), n => n == 0, TimeSpan.FromSeconds(15), "the idle connection to be closed");
    }

    public Task InitializeAsync() => database.CreateAsync();

    public async Task DisposeAsync()
    {
        await pool.DisposeAsync();
        database.Dispose();
    }

    private static int RunningSleeps(int unique) => FarmProcesses.Count($"^sleep 30[01][.]{unique}$");

    /// <summary>A script run as the login user, as a step would run it.</summary>
    private static RemoteCommand Script(string host, string type, string script, string tag, string argv = "", Dictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var run = ScriptCommand.Build(type, script, argv, new Dictionary<string, string>(), environment ?? [], string.Empty, TestServers.SshUser, tag);
        return new RemoteCommand(host, run.CommandText, run.Stdin, timeout ?? TimeSpan.FromSeconds(30), 0);
    }
}
