using System.Diagnostics;
using System.Net.Sockets;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>
/// An sshd the test owns, on a spare loopback address and its own port (or the farm's), letting in the
/// farm's user and key (the farm's authorized_keys), so a test can restart it with another host key or crash it.
/// In <paramref name="netns"/> when given: a network namespace the caller made, reachable only through its links.
/// </summary>
public sealed class TestSshd(string address, int? port = null, string? netns = null) : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("openc3-sshd-").FullName;
    private Process? process;

    public string Address => address;

    public int Port { get; } = port ?? FreePort.Next();

    /// <summary>Starts with the host key <paramref name="keyName"/> (made on first use); returns its `SHA256:…` fingerprint.</summary>
    public async Task<string> StartAsync(string keyName)
    {
        var key = Path.Combine(directory, keyName);
        if (!File.Exists(key))
        {
            await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", key);
        }

        var config = Path.Combine(directory, "sshd.conf");
        await File.WriteAllLinesAsync(config,
        [
            $"Port {Port}", $"ListenAddress {address}", $"HostKey {key}", $"PidFile {Path.Combine(directory, "sshd.pid")}",
            $"AuthorizedKeysFile {Path.Combine(Path.GetDirectoryName(TestServers.SshKeyFile)!, "authorized_keys")}",
            "PasswordAuthentication no", "KbdInteractiveAuthentication no", "StrictModes no", "UsePAM no", "UseDNS no",
            "LogLevel ERROR", "SetEnv SHLVL=1",
        ]);
        string[] sshd = ["/usr/sbin/sshd", "-D", "-e", "-f", config];
        // `ip netns exec` execs its command, so the process is the sshd itself and is stopped by its PID.
        process = Process.Start(new ProcessStartInfo(netns is null ? sshd[0] : "ip", netns is null ? sshd[1..] : ["netns", "exec", netns, .. sshd]) { RedirectStandardError = true })!;
        await Eventually.WaitAsync(() => Task.FromResult(Listening()), up => up, TimeSpan.FromSeconds(10), $"sshd on {address}:{Port}");
        return (await RunAsync("ssh-keygen", "-l", "-f", key + ".pub")).Split(' ')[1];
    }

    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
        await Eventually.WaitAsync(() => Task.FromResult(Listening()), up => !up, TimeSpan.FromSeconds(10), $"sshd on {address}:{Port} to stop");
    }

    /// <summary>kill -9 of the listener and of every process under it (sessions and what they run), as when the host's sshd dies mid-step.</summary>
    public async Task CrashAsync()
    {
        var root = process!.Id;
        foreach (var pid in Descendants(root).Prepend(root))
        {
            try
            {
                using var victim = Process.GetProcessById(pid);
                victim.Kill();
            }
            catch (ArgumentException)
            {
                // Gone already.
            }
        }

        await StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(directory, recursive: true);
    }

    private bool Listening()
    {
        if (netns is not null)
        {
            using var probe = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", netns, "bash", "-c", $"exec 3<>/dev/tcp/{address}/{Port}"]) { RedirectStandardError = true })!;
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }

        try
        {
            using var client = new TcpClient();
            client.Connect(address, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static IEnumerable<int> Descendants(int root)
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? (Pid: pid, Parent: ParentOf(pid)) : (Pid: 0, Parent: 0))
            .Where(p => p.Pid > 0)
            .ToList();
        var found = new List<int> { root };
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(parents.Where(p => p.Parent == found[i]).Select(p => p.Pid));
        }

        return found.Skip(1);
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so count from its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        using var run = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        var output = await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();
        return run.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} failed: {output}");
    }
}
