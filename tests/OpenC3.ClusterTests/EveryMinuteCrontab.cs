using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>An available every-minute crontab whose job appends a line to <see cref="Marks"/> on one farm host per run.</summary>
public sealed record EveryMinuteCrontab(long Id, string Name, string Job, string Marks)
{
    private const string J = "/api/job";

    public static async Task<EveryMinuteCrontab> StartAsync(ApiClient app, string name, string host)
    {
        var marks = Path.Combine(Path.GetTempPath(), $"openc3-{name}");
        var step = new Dictionary<string, object?>
        {
            ["plugin_type"] = "cmd", ["name"] = "mark", ["user"] = TestServers.SshUser, ["node_type"] = "builtin", ["node_cont"] = host,
            ["scripts_type"] = "shell", ["scripts_cont"] = $"echo run >> {marks}", ["scripts_argv"] = "", ["timeout"] = "60",
        };
        var job = Ok(await app.PostAsync($"{J}/jobs/0", new { name, permanent = 1, data = new[] { step } })).GetProperty("uuid").GetString()!;
        var id = Ok(await app.PostAsync($"{J}/crontab/0", new { name, jobuuid = job, cron = "* * * * *", mutex = "" })).GetProperty("id").GetInt64();
        Ok(await app.PostAsync($"{J}/crontab/0/{id}/status", new { status = "available" }));
        return new EveryMinuteCrontab(id, name, job, marks);
    }

    /// <summary>Its runs (and recorded missed or refused minutes) in the task list.</summary>
    public async Task<List<JsonElement>> RunsAsync(ApiClient app) =>
        Ok(await app.GetAsync($"{J}/task/0?name={Name}")).GetProperty("data").EnumerateArray().Where(t => t.GetProperty("jobuuid").GetString() == Job).ToList();

    public async Task StopAsync(ApiClient app) => Ok(await app.PostAsync($"{J}/crontab/0/{Id}/status", new { status = "unavailable" }));

    public static JsonElement Ok(JsonElement reply)
    {
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply;
    }
}
