using System.Text.Json;
using OpenC3.TestSupport;
using static OpenC3.IntegrationTests.Resources.ResourceTestKit;

namespace OpenC3.IntegrationTests.Execution;

/// <summary>What the scp and mutex tests do through the API: build job steps, start runs, follow them until they settle.</summary>
public static class ExecutionKit
{
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

    /// <summary>An scp step (or, without `plugin_type`, a plugin_scp body) from a source to hosts.</summary>
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

    public static async Task<string> CreateJobAsync(ApiClient app, long node, string name, params Dictionary<string, object?>[] steps)
    {
        var reply = await app.PostAsync($"{J}/jobs/{node}", new { name, data = steps, permanent = 1 });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("uuid").GetString()!;
    }

    /// <summary>`POST /task/:node/job/byname`; returns the new task's uuid.</summary>
    public static async Task<string> StartByNameAsync(ApiClient app, long node, string jobName, string mutex = "", object? variable = null)
    {
        var reply = await app.PostAsync($"{J}/task/{node}/job/byname", new { jobname = jobName, mutex, variable = variable ?? new { } });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("uuid").GetString()!;
    }

    /// <summary>`POST /task/:node/plugin_scp`; returns `data` ({slave, uuid, loguuid}).</summary>
    public static async Task<JsonElement> StartScpAsync(ApiClient app, long node, Dictionary<string, object?> body)
    {
        var reply = await app.PostAsync($"{J}/task/{node}/plugin_scp", body);
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("data");
    }

    public static Task<JsonElement> WaitTaskAsync(ApiClient app, long node, string uuid, Func<string, bool> status, string what) =>
        Eventually.WaitAsync(
            async () => (await app.GetAsync($"{J}/task/{node}/{uuid}")).GetProperty("data"),
            t => status(t.GetProperty("status").GetString()!),
            TimeSpan.FromMinutes(3),
            $"task {uuid} {what}");

    public static Task<JsonElement> WaitFinishedAsync(ApiClient app, long node, string uuid) =>
        WaitTaskAsync(app, node, uuid, s => s is "success" or "fail" or "refuse", "to finish");

    public static async Task<List<JsonElement>> StepsAsync(ApiClient app, long node, string taskUuid) =>
        (await app.GetAsync($"{J}/subtask/{node}/{taskUuid}")).GetProperty("data").EnumerateArray().ToList();

    /// <summary>The host view of one step: host → (status, reason).</summary>
    public static async Task<Dictionary<string, (string Status, string? Reason)>> HostsAsync(ApiClient app, long node, string taskUuid, string stepUuid) =>
        (await app.GetAsync($"{J}/subtask/{node}/{taskUuid}/{stepUuid}")).GetProperty("data").GetProperty("hosts").EnumerateArray()
            .ToDictionary(h => h.GetProperty("node").GetString()!, h => (h.GetProperty("status").GetString()!, h.GetProperty("reason").GetString()));

    public static string Reason(this JsonElement task) => task.GetProperty("reason").GetString() ?? string.Empty;

    public static string Status(this JsonElement row) => row.GetProperty("status").GetString() ?? "null";

    public static int Count(this string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
