using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Kit;

/// <summary>Saved jobs, and runs started through the API and followed until they settle.</summary>
public static partial class ApiKit
{
    /// <summary>`POST /jobs/:node`; returns the new job's uuid.</summary>
    public static async Task<string> CreateJobAsync(ApiClient client, long node, string name, params object[] steps)
    {
        var reply = await client.PostAsync($"{J}/jobs/{node}", new { name, permanent = 1, data = steps });
        Assert.True(reply.Data().GetBoolean());
        return reply.GetProperty("uuid").GetString()!;
    }

    public static async Task<JsonElement> JobAsync(ApiClient client, long node, string uuid) => (await client.GetAsync($"{J}/jobs/{node}/{uuid}")).Data();

    public static async Task<Dictionary<string, JsonElement>> VariablesAsync(ApiClient client, long node, string uuid, string query = "") =>
        (await client.GetAsync($"{J}/variable/{node}/{uuid}{query}")).Data().EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);

    /// <summary>`POST /task/:node/job/byname`; returns the new task's uuid.</summary>
    public static async Task<string> StartByNameAsync(ApiClient app, long node, string jobName, string mutex = "", object? variable = null)
    {
        var reply = await app.PostAsync($"{J}/task/{node}/job/byname", new { jobname = jobName, mutex, variable = variable ?? new { } });
        Assert.True(reply.Stat(), reply.ToString());
        return reply.GetProperty("uuid").GetString()!;
    }

    /// <summary>`POST /task/:node/plugin_scp`; returns `data` ({slave, uuid, loguuid}).</summary>
    public static async Task<JsonElement> StartScpAsync(ApiClient app, long node, Dictionary<string, object?> body) =>
        (await app.PostAsync($"{J}/task/{node}/plugin_scp", body)).Data();

    /// <summary>Starts `script` on <paramref name="host"/> through node 0's `plugin_cmd` and waits for the task's final status.</summary>
    public static async Task<(string Uuid, string Status)> RunCommandAsync(ApiClient app, string host, string script)
    {
        var reply = await app.PostAsync($"{J}/task/0/plugin_cmd", new
        {
            name = "operability", user = TestServers.SshUser, node_type = "builtin", node_cont = host,
            scripts_type = "shell", scripts_cont = script, timeout = 60,
        });
        var uuid = reply.Data().GetProperty("uuid").GetString()!;
        var task = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"{J}/task/0/{uuid}")).GetProperty("data"),
            t => t.GetProperty("status").GetString() is "success" or "fail" or "refuse",
            TimeSpan.FromSeconds(90),
            $"task {uuid} to finish");
        return (uuid, task.GetProperty("status").GetString()!);
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

    /// <summary>A fresh path prefix for files a farm script appends a line to on each run (`&lt;prefix&gt;.&lt;host&gt;`), to count runs per host.</summary>
    public static string Marks() => Path.Combine(Path.GetTempPath(), $"openc3-marks-{Guid.NewGuid():N}");

    public static void DeleteMarks(string marks, IEnumerable<string> hosts)
    {
        foreach (var host in hosts)
        {
            File.Delete($"{marks}.{host}");
        }
    }
}
