using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>Ad-hoc commands and saved jobs on the sshd farm, as the operability tests need them.</summary>
public static class TaskRuns
{
    /// <summary>Starts `script` on <paramref name="host"/> through `plugin_cmd` and waits for the task's final status.</summary>
    public static async Task<(string Uuid, string Status)> RunCommandAsync(ApiClient app, string host, string script)
    {
        var reply = await app.PostAsync("/api/job/task/0/plugin_cmd", new
        {
            name = "operability", user = TestServers.SshUser, node_type = "builtin", node_cont = host,
            scripts_type = "shell", scripts_cont = script, timeout = 60,
        });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        var uuid = reply.GetProperty("data").GetProperty("uuid").GetString()!;
        var task = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data"),
            t => t.GetProperty("status").GetString() is "success" or "fail" or "refuse",
            TimeSpan.FromSeconds(90),
            $"task {uuid} to finish");
        return (uuid, task.GetProperty("status").GetString()!);
    }

    /// <summary>A saved job on node 0 with one cmd step running <paramref name="script"/> on <paramref name="hosts"/>.</summary>
    public static async Task CreateJobAsync(ApiClient app, string name, IEnumerable<string> hosts, string script, string argv = "")
    {
        var step = new Dictionary<string, object?>
        {
            ["plugin_type"] = "cmd", ["name"] = $"{name}-step", ["user"] = TestServers.SshUser, ["node_type"] = "builtin",
            ["node_cont"] = string.Join(',', hosts), ["scripts_type"] = "shell", ["scripts_cont"] = script, ["scripts_argv"] = argv, ["timeout"] = "60",
        };
        var reply = await app.PostAsync("/api/job/jobs/0", new { name, data = new[] { step }, permanent = 1 });
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
    }

    public static JsonElement Data(this JsonElement reply)
    {
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply.GetProperty("data");
    }
}
