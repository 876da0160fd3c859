using System.Globalization;
using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Crontabs;

/// <summary>A job on node 0 whose one cmd step appends a line to a marks file on a farm host, scheduled every minute; and reading its runs back.</summary>
public sealed class CronRuns(ApiClient app, string name, string host) : IDisposable
{
    public string Marks { get; } = Path.Combine(Path.GetTempPath(), $"openc3-cron-{Guid.NewGuid():N}");

    public string Name => name;

    public string JobUuid { get; private set; } = string.Empty;

    public long CrontabId { get; private set; }

    /// <summary>Creates the job and an every-minute crontab with <paramref name="mutex"/>, and switches it on.</summary>
    public async Task ScheduleAsync(string mutex = "")
    {
        var step = new Dictionary<string, object?>
        {
            ["plugin_type"] = "cmd", ["name"] = "mark", ["user"] = TestServers.SshUser, ["node_type"] = "builtin", ["node_cont"] = host,
            ["scripts_type"] = "shell", ["scripts_cont"] = $"echo run >> {Marks}", ["scripts_argv"] = "", ["timeout"] = "60",
        };
        JobUuid = await CreateJobAsync(app, 0, name, step);
        var created = await app.PostAsync($"{J}/crontab/0", new { name, jobuuid = JobUuid, cron = "* * * * *", mutex });
        Assert.True(created.Data().GetBoolean());
        CrontabId = created.GetProperty("id").GetInt64();
        Assert.True((await app.PostAsync($"{J}/crontab/0/{CrontabId}/status", new { status = "available" })).Data().GetBoolean());
    }

    public Task SwitchOffAsync() => app.PostAsync($"{J}/crontab/0/{CrontabId}/status", new { status = "unavailable" });

    /// <summary>The job's tasks as the task list shows them.</summary>
    public async Task<List<JsonElement>> TasksAsync() =>
        (await app.GetAsync($"{J}/task/0?name={Uri.EscapeDataString(name)}")).Data().EnumerateArray().Where(t => t.GetProperty("jobuuid").GetString() == JobUuid).ToList();

    /// <summary>Waits (bounded) until the crontab has started <paramref name="count"/> runs.</summary>
    public Task<List<JsonElement>> WaitForRunsAsync(int count) =>
        Eventually.WaitAsync(TasksAsync, tasks => tasks.Count >= count, TimeSpan.FromSeconds(70 * count + 20), $"{count} crontab runs of {name}");

    /// <summary>Waits until every run has finished and returns them.</summary>
    public Task<List<JsonElement>> WaitFinishedAsync() =>
        Eventually.WaitAsync(TasksAsync, tasks => tasks.All(t => t.GetProperty("status").GetString() is "success" or "fail"), TimeSpan.FromSeconds(90), $"runs of {name} to finish");

    public int MarkedRuns() => File.Exists(Marks) ? File.ReadAllLines(Marks).Length : 0;

    /// <summary>`YYYY-MM-DD HH:MM` of a run's start: its scheduled minute.</summary>
    public static string MinuteOf(JsonElement task) => task.GetProperty("starttime").GetString()![..16];

    public static DateTime Parse(string minute) => DateTime.ParseExact(minute, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public void Dispose() => File.Delete(Marks);
}
