using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Kit;

/// <summary>Step bodies: ones that only go into the catalog (fixed addresses, never run), and ones that run on the sshd farm.</summary>
public static partial class ApiKit
{
    /// <summary>A catalog cmd step (user root, `echo hi`), never run.</summary>
    public static Dictionary<string, object?> Cmd(string name, string nodeCont = "10.0.0.1", string argv = "", string? deployenv = null) => new()
    {
        ["plugin_type"] = "cmd", ["name"] = name, ["user"] = "root", ["node_type"] = "builtin", ["node_cont"] = nodeCont,
        ["scripts_type"] = "shell", ["scripts_cont"] = "echo hi", ["scripts_argv"] = argv, ["deployenv"] = deployenv,
    };

    /// <summary>A cmd step running <paramref name="script"/> as the farm's login on <paramref name="hosts"/>.</summary>
    public static Dictionary<string, object?> Cmd(string name, IEnumerable<string> hosts, string script, string argv = "") => new()
    {
        ["plugin_type"] = "cmd", ["name"] = name, ["user"] = TestServers.SshUser, ["node_type"] = "builtin",
        ["node_cont"] = string.Join(',', hosts), ["scripts_type"] = "shell", ["scripts_cont"] = script, ["scripts_argv"] = argv, ["timeout"] = "60",
    };

    /// <summary>An approval step nobody answers: it holds each run of its job unfinished.</summary>
    public static Dictionary<string, object?> Gate() => new()
    {
        ["plugin_type"] = "approval", ["name"] = "gate", ["cont"] = "hold", ["approver"] = "open-c3", ["deployenv"] = "always",
        ["action"] = "always", ["batches"] = "always", ["everyone"] = "on", ["relaxed"] = "off",
    };

    /// <summary>A catalog scp step, never run.</summary>
    public static Dictionary<string, object?> Scp(string name, string dst = "10.0.0.2", string dp = "/tmp/") => new()
    {
        ["plugin_type"] = "scp", ["name"] = name, ["user"] = "root", ["src_type"] = "builtin", ["src"] = "10.0.0.1", ["sp"] = "/etc/hosts",
        ["dst_type"] = "builtin", ["dst"] = dst, ["dp"] = dp,
    };

    /// <summary>An scp step on the farm (or, without `plugin_type`, a plugin_scp body) from a source to hosts.</summary>
    public static Dictionary<string, object?> Scp(string name, string srcType, string src, string sp, IEnumerable<string> hosts, string dp, string chmod = "", string chown = "")
    {
        var step = new Dictionary<string, object?>
        {
            ["plugin_type"] = "scp", ["name"] = name, ["user"] = TestServers.SshUser, ["src_type"] = srcType, ["src"] = src, ["sp"] = sp,
            ["dst_type"] = "builtin", ["dst"] = string.Join(',', hosts), ["dp"] = dp, ["timeout"] = "120",
        };
        foreach (var (key, value) in new[] { ("chmod", chmod), ("chown", chown) }.Where(o => o.Item2.Length > 0))
        {
            step[key] = value;
        }

        return step;
    }

    public static Dictionary<string, object?> Approval(string name, string approver = "alice", string deployenv = "always") => new()
    {
        ["plugin_type"] = "approval", ["name"] = name, ["cont"] = "please", ["approver"] = approver, ["deployenv"] = deployenv,
        ["action"] = "always", ["batches"] = "always", ["everyone"] = "on", ["relaxed"] = "off",
    };
}
