using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Logs;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Runs a step's hosts in the background of the silo, outside any grain turn, streaming output to
/// the step's log and reporting each host back to its subtask grain. It also remembers which runs
/// are alive here, so a re-activated grain can tell "still running" from "lost in a crash".
/// </summary>
public sealed class StepRunner(SshExecutor executor, ScpRelay relay, LogWriter log, IGrainFactory grains, IOptions<SshOptions> options, ILogger<StepRunner> logger)
{
    /// <summary>Output kept per host for the step's result block; the full output is in the log.</summary>
    public const int ResultOutputBytes = 16 * 1024;

    private readonly ConcurrentDictionary<string, CancellationTokenSource> runs = new(StringComparer.Ordinal);

    public bool IsRunning(string subtaskKey) => runs.ContainsKey(subtaskKey);

    public void Run(string subtaskKey, string logUuid, int attempt, IReadOnlyList<string> hosts, SubtaskStart start)
    {
        var cancel = new CancellationTokenSource();
        runs[subtaskKey] = cancel;
        // The background run keeps this scope: every line it logs names the task, step and (below) host.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TaskUuid"] = start.TaskUuid, ["Step"] = start.Step.Name, ["StepUuid"] = start.Step.Uuid });
        logger.LogInformation("Running step {Subtask} attempt {Attempt} on {Hosts} host(s)", subtaskKey, attempt, hosts.Count);
        var timeout = TimeSpan.FromSeconds(Math.Max(1, start.Step.Timeout));
        var reports = new HostReports(batch => grains.GetGrain<ISubtaskGrain>(subtaskKey).HostsReported(batch), logger);
        IHostWork work = start.Copy is { } copy
            ? new CopyWork(relay, copy, start.Step.User, start.ProjectId)
            : new CommandWork(executor, start, options.Value.User, options.Value.KillGrace, (host, session) =>
            {
                reports.Started(HostReport.Started(host, attempt, session.ToString()));
                return Task.CompletedTask;
            });
        var perStep = options.Value.MaxParallelPerStep;
        var limit = new SemaphoreSlim(perStep > 0 ? perStep : hosts.Count + 1);
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.WhenAll(hosts.Select(host => RunHostAsync(subtaskKey, logUuid, attempt, host, work, reports, limit, timeout, cancel.Token)));
            }
            finally
            {
                runs.TryRemove(new KeyValuePair<string, CancellationTokenSource>(subtaskKey, cancel));
                cancel.Dispose();
                limit.Dispose();
            }
        });
    }

    /// <summary>
    /// After a crash: stops the runs a dead silo left on the hosts (by the sessions they announced, else by the step's
    /// tag), then tells the step, which marks its running hosts incomplete. Meanwhile the step counts as running here.
    /// </summary>
    public void StopOrphans(string subtaskKey, long treeId, string runAs, string tag, IReadOnlyList<(string Host, RemoteSession? Session)> orphans)
    {
        var marker = new CancellationTokenSource();
        if (!runs.TryAdd(subtaskKey, marker))
        {
            marker.Dispose();
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                logger.LogInformation("Stopping {Count} run(s) of step {Subtask} left by a stopped silo", orphans.Count, subtaskKey);
                await Task.WhenAll(orphans.Select(o => executor.StopAsync(
                    new SshTarget(o.Host, treeId),
                    o.Session is { } session
                        ? ScriptCommand.Stop(runAs, options.Value.User, session, options.Value.KillGrace)
                        : ScriptCommand.StopByTag(runAs, options.Value.User, tag, options.Value.KillGrace))));
            }
            finally
            {
                runs.TryRemove(new KeyValuePair<string, CancellationTokenSource>(subtaskKey, marker));
                marker.Dispose();
            }

            try
            {
                await grains.GetGrain<ISubtaskGrain>(subtaskKey).OrphansStopped();
            }
            catch (Exception error)
            {
                // The grain's watchdog brings the step back, which stops the orphans again (harmless) and recovers.
                logger.LogError(error, "Could not report the stopped orphans of step {Subtask}", subtaskKey);
            }
        });
    }

    public void Cancel(string subtaskKey)
    {
        if (runs.TryGetValue(subtaskKey, out var cancel))
        {
            cancel.Cancel();
        }
    }

    /// <param name="limit">The step's own cap on hosts at once (<see cref="SshOptions.MaxParallelPerStep"/>), below the silo-wide one.</param>
    private async Task RunHostAsync(string subtaskKey, string logUuid, int attempt, string host, IHostWork work, HostReports reports, SemaphoreSlim limit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Host"] = host });
        RemoteResult result;
        try
        {
            await limit.WaitAsync(cancellationToken);
            try
            {
                result = await work.RunAsync(
                    host,
                    timeout,
                    chunk =>
                    {
                        log.Append(logUuid, Prefix(host, chunk));
                        return Task.CompletedTask;
                    },
                    cancellationToken);
            }
            finally
            {
                limit.Release();
            }
        }
        catch (OperationCanceledException)
        {
            result = new RemoteResult(host, null, string.Empty, "cancelled before start");
        }
        catch (Exception error)
        {
            logger.LogError(error, "Unexpected failure running step {Subtask} on {Host}", subtaskKey, host);
            result = new RemoteResult(host, null, string.Empty, $"internal error: {error.GetType().Name}");
        }

        Diagnostics.OpenC3Metrics.HostFinished(result.ExitCode == 0);
        if (result.ExitCode != 0)
        {
            logger.LogWarning("Host {Host} failed in step {Subtask}: {Reason}", host, subtaskKey, result.Reason ?? $"exit {result.ExitCode}");
        }

        var output = result.Output.Length > ResultOutputBytes ? result.Output[..ResultOutputBytes] + OutputBuffer.TruncatedMarker : result.Output;
        // The run stays known here until its step heard of it, so the step is not taken for lost meanwhile.
        await reports.Finished(HostReport.Finished(host, attempt, result.ExitCode, result.Reason, output));
    }

    /// <summary>Each output line is tagged with its host, so a live tail of 200 hosts stays readable.</summary>
    private static string Prefix(string host, string chunk) =>
        string.Concat(chunk.TrimEnd('\n').Split('\n').Select(line => $"{host}: {line}\n"));
}
