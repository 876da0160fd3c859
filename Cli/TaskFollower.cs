using System.Text.Json;

namespace OpenC3.Cli;

/// <summary>
/// Follows a started task until it ends: tails its log and each step's log as the step starts, and keeps a
/// progress line of the current step's hosts (done / failed / running) from the subtask route.
/// </summary>
public sealed class TaskFollower(ApiConnection api, string tree, string taskUuid, Terminal terminal) : IAsyncDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, LogTail> tails = new(StringComparer.Ordinal);

    /// <summary>The task's final status: `success`, `fail` or `refuse`.</summary>
    public async Task<string> FollowAsync(CancellationToken cancellationToken)
    {
        Tail(taskUuid);
        while (true)
        {
            var task = await api.GetAsync($"api/job/task/{tree}/{taskUuid}", cancellationToken);
            var status = task.Ok() && task.TryGetProperty("data", out var data) ? data.Text("status") : null;
            if (status is null or "norun")
            {
                throw new ApiException($"task {taskUuid} not found on tree {tree}: {task.Why()}");
            }

            var steps = await api.GetAsync($"api/job/subtask/{tree}/{taskUuid}", cancellationToken);
            var list = steps.Ok() ? steps.GetProperty("data").EnumerateArray().ToList() : [];
            foreach (var step in list.Where(s => s.Text("status") is not null))
            {
                Tail(taskUuid + step.Text("uuid") + step.Text("subtask_type"));
            }

            terminal.Progress(await ProgressAsync(status, list, cancellationToken));
            if (status is "success" or "fail" or "refuse")
            {
                foreach (var tail in tails.Values)
                {
                    await tail.DrainAsync(TimeSpan.FromSeconds(3));
                }

                return status;
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var tail in tails.Values)
        {
            await tail.DisposeAsync();
        }
    }

    private void Tail(string logUuid)
    {
        if (!tails.ContainsKey(logUuid))
        {
            tails[logUuid] = LogTail.Start(api, logUuid, terminal);
        }
    }

    /// <summary>`task X running · step 2/3 deploy: 12 done, 1 failed, 7 running`.</summary>
    private async Task<string> ProgressAsync(string status, List<JsonElement> steps, CancellationToken cancellationToken)
    {
        var line = $"task {taskUuid} {status}";
        var current = steps.FindLastIndex(s => s.Text("status") is not null);
        if (current < 0)
        {
            return line;
        }

        var step = steps[current];
        var detail = await api.GetAsync($"api/job/subtask/{tree}/{taskUuid}/{step.Text("uuid")}", cancellationToken);
        var hosts = detail.Ok() && detail.GetProperty("data").TryGetProperty("hosts", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(h => h.Text("status")).ToList()
            : [];
        var name = detail.Ok() && detail.GetProperty("data").TryGetProperty("extended", out var extended) ? extended.Text("name") : null;
        var done = hosts.Count(h => h == "success");
        var running = hosts.Count(h => h == "running");
        return $"{line} · step {current + 1}/{steps.Count} {name ?? step.Text("subtask_type")} {step.Text("status")}: {done} done, {hosts.Count - done - running} failed, {running} running";
    }
}
