using System.Diagnostics;
using OpenC3.IntegrationTests.Execution;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Agent;

/// <summary>
/// Two network namespaces: the proxy's, linked to the silo's (root) namespace and to the target's, and the target's,
/// linked only to the proxy's. Each runs an sshd on the farm's port letting the farm's login in. The silo has a route
/// to the proxy but none to the target, so the target is reached only through the proxy (loopback could not tell the
/// proxy's connections from the silo's). Needs root; creating the namespaces fails the fixture loudly otherwise.
/// </summary>
public sealed class ProxyNetwork : IAsyncLifetime
{
    private const string TargetNet = "10.201.0";
    private static int created;

    private readonly string suffix;
    private readonly string rootLink;
    private readonly string proxyLink;
    private readonly string innerLink;
    private readonly string targetLink;
    private readonly string outerNet;

    public ProxyNetwork()
    {
        var index = Interlocked.Increment(ref created);
        suffix = $"{Environment.ProcessId % 100000}x{index}";
        (rootLink, proxyLink, innerLink, targetLink) = ($"o3r{suffix}", $"o3p{suffix}", $"o3i{suffix}", $"o3t{suffix}");
        outerNet = $"10.200.{(Environment.ProcessId % 40 * 6) + index + 10}";
        Proxy = new TestSshd($"{outerNet}.2", TestServers.SshPort, ProxyNamespace);
        Target = new TestSshd($"{TargetNet}.2", TestServers.SshPort, TargetNamespace);
    }

    public TestSshd Proxy { get; }

    public TestSshd Target { get; }

    /// <summary>The proxy's address on the target's link: where the target sees the proxy's connections come from.</summary>
    public string ProxyInnerAddress => $"{TargetNet}.1";

    private string ProxyNamespace => $"oc3proxy{suffix}";

    private string TargetNamespace => $"oc3target{suffix}";

    public async Task InitializeAsync()
    {
        string[][] setup =
        [
            ["netns", "add", ProxyNamespace],
            ["netns", "add", TargetNamespace],
            ["-n", ProxyNamespace, "link", "set", "lo", "up"],
            ["-n", TargetNamespace, "link", "set", "lo", "up"],
            ["link", "add", rootLink, "type", "veth", "peer", "name", proxyLink],
            ["link", "set", proxyLink, "netns", ProxyNamespace],
            ["addr", "add", $"{outerNet}.1/24", "dev", rootLink],
            ["link", "set", rootLink, "up"],
            ["-n", ProxyNamespace, "addr", "add", $"{outerNet}.2/24", "dev", proxyLink],
            ["-n", ProxyNamespace, "link", "set", proxyLink, "up"],
            ["-n", ProxyNamespace, "link", "add", innerLink, "type", "veth", "peer", "name", targetLink],
            ["-n", ProxyNamespace, "link", "set", targetLink, "netns", TargetNamespace],
            ["-n", ProxyNamespace, "addr", "add", $"{TargetNet}.1/24", "dev", innerLink],
            ["-n", ProxyNamespace, "link", "set", innerLink, "up"],
            ["-n", TargetNamespace, "addr", "add", $"{TargetNet}.2/24", "dev", targetLink],
            ["-n", TargetNamespace, "link", "set", targetLink, "up"],
        ];
        foreach (var step in setup)
        {
            var (code, error) = await IpAsync(step);
            if (code != 0)
            {
                throw new InvalidOperationException($"cannot build the proxy network (root and `ip netns` needed): ip {string.Join(' ', step)}: {error}");
            }
        }

        await Proxy.StartAsync("proxy_ed25519");
        await Target.StartAsync("target_ed25519");
    }

    /// <summary>The sshds by PID, then the links and namespaces (deleting one end of a veth pair deletes both).</summary>
    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Target.DisposeAsync();
        await IpAsync(["link", "del", rootLink]);
        await IpAsync(["netns", "del", TargetNamespace]);
        await IpAsync(["netns", "del", ProxyNamespace]);
    }

    private static async Task<(int Code, string Error)> IpAsync(string[] arguments)
    {
        using var ip = Process.Start(new ProcessStartInfo("ip", arguments) { RedirectStandardError = true })!;
        var error = await ip.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await ip.WaitForExitAsync(limit.Token);
        return (ip.ExitCode, error.Trim());
    }
}
