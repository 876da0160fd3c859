using System.Collections.Immutable;

namespace OpenC3.Grains.Subtasks;

/// <summary>The part of a step's state the machine decides on.</summary>
/// <param name="Step">How a failure names the step, e.g. `step 2 (deploy)`.</param>
public sealed record SubtaskMachineState(string? Status, ImmutableList<HostRun> Hosts, int Attempt, bool FailFast, string? Reason, string Step = "step")
{
    public static SubtaskMachineState Initial(bool failFast, string step = "step") => new(null, [], 0, failFast, null, step);

    public IEnumerable<string> Failed => Hosts.Where(h => h.NeedsRetry).Select(h => h.Host);
}

/// <summary>What the grain must do after a transition.</summary>
public abstract record SubtaskEffect
{
    /// <summary>Run the command on these hosts as attempt <paramref name="Attempt"/>.</summary>
    public sealed record RunHosts(IReadOnlyList<string> Hosts, int Attempt) : SubtaskEffect;

    /// <summary>Stop whatever still runs (kill, fail by decision).</summary>
    public sealed record CancelRunning : SubtaskEffect;
}

/// <summary>
/// A step as a pure state machine. cmd/scp: all hosts run in parallel; when the last one reports, the
/// step succeeds, or goes to `decision` with its failed hosts (or fails at once when `_exit_` asks
/// for fail-fast). A decision `running` retries only failed and incomplete hosts, `fail` and
/// `ignore` end the step. After a silo crash, hosts that were running become `incomplete` and the
/// step waits for a decision: nothing is re-run by itself. approval: `running` (no hosts) until its
/// batch decides, whose outcome is the step's; a kill fails it like any step.
/// </summary>
public static class SubtaskMachine
{
    public const string CrashReason = "silo stopped while the command ran; result unknown";

    /// <param name="rejection">When set (e.g. a host is not on the tree node), no host runs and all fail with this reason.</param>
    public static (SubtaskMachineState State, IReadOnlyList<SubtaskEffect> Effects) Start(SubtaskMachineState state, IReadOnlyList<string> hosts, string? rejection = null)
    {
        if (state.Status is not null)
        {
            return (state, []);
        }

        if (hosts.Count == 0)
        {
            return (state with { Status = SubtaskStatus.Fail, Reason = "no hosts to run on" }, []);
        }

        var distinct = hosts.Distinct(StringComparer.Ordinal).ToList();
        if (rejection is not null)
        {
            var rejected = distinct.Select(h => new HostRun(h, HostStatus.Fail, 1, null, rejection)).ToImmutableList();
            return Settle(state with { Status = SubtaskStatus.Running, Hosts = rejected, Attempt = 1, Reason = rejection });
        }

        var runs = distinct.Select(h => new HostRun(h, HostStatus.Running, 1, null, null)).ToImmutableList();
        return (state with { Status = SubtaskStatus.Running, Hosts = runs, Attempt = 1 }, [new SubtaskEffect.RunHosts(distinct, 1)]);
    }

    /// <summary>An approval step opened its batch: it runs, on no host, until the batch decides.</summary>
    public static SubtaskMachineState AwaitApproval(SubtaskMachineState state) =>
        state.Status is null ? state with { Status = SubtaskStatus.Running } : state;

    /// <summary>The batch decided (`success`, `refuse`, `fail`): the waiting approval step ends so. Late or repeated answers change nothing.</summary>
    public static SubtaskMachineState ApprovalDecided(SubtaskMachineState state, string outcome, string? reason) =>
        state.Status == SubtaskStatus.Running && state.Hosts.IsEmpty && SubtaskStatus.IsFinal(outcome)
            ? state with { Status = outcome, Reason = reason }
            : state;

    /// <summary>The step has nothing to do (e.g. an scp of a rollback marker): it ends `ignore` and its task goes on.</summary>
    public static SubtaskMachineState Skip(SubtaskMachineState state, string reason) =>
        state.Status is null ? state with { Status = SubtaskStatus.Ignore, Reason = reason } : state;

    public static (SubtaskMachineState State, IReadOnlyList<SubtaskEffect> Effects) HostFinished(SubtaskMachineState state, string host, int attempt, int? exitCode, string? reason)
    {
        var index = state.Hosts.FindIndex(h => h.Host == host);
        if (state.Status != SubtaskStatus.Running || index < 0 || state.Hosts[index].Attempt != attempt || state.Hosts[index].Status != HostStatus.Running)
        {
            // A late or duplicate report (e.g. from before a retry or a crash) changes nothing.
            return (state, []);
        }

        var status = exitCode == 0 ? HostStatus.Success : HostStatus.Fail;
        var hosts = state.Hosts.SetItem(index, state.Hosts[index] with { Status = status, ExitCode = exitCode, Reason = reason });
        return Settle(state with { Hosts = hosts });
    }

    /// <summary>A running host's script announced its session; late reports (another attempt, a finished host) change nothing.</summary>
    public static SubtaskMachineState HostStarted(SubtaskMachineState state, string host, int attempt, string session)
    {
        var index = state.Hosts.FindIndex(h => h.Host == host);
        if (state.Status != SubtaskStatus.Running || index < 0 || state.Hosts[index] is not { Status: HostStatus.Running } run || run.Attempt != attempt || run.Session == session)
        {
            return state;
        }

        return state with { Hosts = state.Hosts.SetItem(index, run with { Session = session }) };
    }

    /// <summary>The hosts a crashed silo left running, announced or not.</summary>
    public static IReadOnlyList<HostRun> Running(SubtaskMachineState state) =>
        state.Status == SubtaskStatus.Running ? state.Hosts.Where(h => h.Status == HostStatus.Running).ToList() : [];

    /// <param name="chosen">For `running`: retry only these of the failed and incomplete hosts (all of them when null); naming any other host changes nothing.</param>
    public static (SubtaskMachineState State, IReadOnlyList<SubtaskEffect> Effects) Decide(SubtaskMachineState state, string control, IReadOnlyCollection<string>? chosen = null)
    {
        if (state.Status != SubtaskStatus.Decision || (chosen is not null && (chosen.Count == 0 || NotFailed(state, chosen) is not null)))
        {
            return (state, []);
        }

        switch (control)
        {
            case SubtaskStatus.Running:
                var attempt = state.Attempt + 1;
                var retry = (chosen ?? state.Failed).ToHashSet(StringComparer.Ordinal);
                var hosts = state.Hosts.Select(h => retry.Contains(h.Host) ? h with { Status = HostStatus.Running, Attempt = attempt, ExitCode = null, Reason = null, Session = null } : h).ToImmutableList();
                return (state with { Status = SubtaskStatus.Running, Hosts = hosts, Attempt = attempt }, [new SubtaskEffect.RunHosts(retry.Order(StringComparer.Ordinal).ToList(), attempt)]);
            case SubtaskStatus.Fail:
                return (state with { Status = SubtaskStatus.Fail }, []);
            case SubtaskStatus.Ignore:
                return (state with { Status = SubtaskStatus.Ignore }, []);
            default:
                return (state, []);
        }
    }

    /// <summary>The first of <paramref name="hosts"/> that is not a failed or incomplete host of the step, or null.</summary>
    public static string? NotFailed(SubtaskMachineState state, IEnumerable<string> hosts)
    {
        var failed = state.Failed.ToHashSet(StringComparer.Ordinal);
        return hosts.FirstOrDefault(h => !failed.Contains(h));
    }

    /// <summary>The task was killed or timed out: running hosts are cut short and the step fails.</summary>
    public static (SubtaskMachineState State, IReadOnlyList<SubtaskEffect> Effects) Abort(SubtaskMachineState state, string reason)
    {
        if (SubtaskStatus.IsFinal(state.Status))
        {
            return (state, []);
        }

        var hosts = state.Hosts.Select(h => h.Status == HostStatus.Running ? h with { Status = HostStatus.Incomplete, Reason = reason } : h).ToImmutableList();
        return (state with { Status = SubtaskStatus.Fail, Hosts = hosts, Reason = reason }, [new SubtaskEffect.CancelRunning()]);
    }

    /// <summary>Re-activation after the silo died: whatever was running has an unknown result.</summary>
    public static SubtaskMachineState Recover(SubtaskMachineState state)
    {
        if (state.Status != SubtaskStatus.Running)
        {
            return state;
        }

        var hosts = state.Hosts.Select(h => h.Status == HostStatus.Running ? h with { Status = HostStatus.Incomplete, Reason = CrashReason } : h).ToImmutableList();
        return state with { Status = SubtaskStatus.Decision, Hosts = hosts };
    }

    private static (SubtaskMachineState, IReadOnlyList<SubtaskEffect>) Settle(SubtaskMachineState state)
    {
        if (state.Hosts.Any(h => h.Status is HostStatus.Running or HostStatus.Pending))
        {
            return (state, []);
        }

        if (!state.Hosts.Any(h => h.NeedsRetry))
        {
            return (state with { Status = SubtaskStatus.Success }, []);
        }

        return state.FailFast
            ? (state with { Status = SubtaskStatus.Fail, Reason = state.Reason ?? FailureSummary(state) }, [])
            : (state with { Status = SubtaskStatus.Decision }, []);
    }

    /// <summary>Why a step failed by its hosts, short: `step 1 (deploy): 3 of 20 hosts failed: 127.0.0.5 exit 1, 127.0.0.6 timeout after 5 s, 127.0.0.7 incomplete, …`.</summary>
    public static string FailureSummary(SubtaskMachineState state)
    {
        const int Named = 3;
        var failed = state.Hosts.Where(h => h.NeedsRetry).ToList();
        var named = failed.Take(Named).Select(h => $"{h.Host} {Outcome(h)}");
        var more = failed.Count > Named ? ", …" : string.Empty;
        return $"{state.Step}: {failed.Count} of {state.Hosts.Count} hosts failed: {string.Join(", ", named)}{more}";
    }

    private static string Outcome(HostRun host) => host switch
    {
        { Status: HostStatus.Incomplete } => "incomplete",
        { Reason: { Length: > 0 } reason } => reason,
        { ExitCode: { } code } => $"exit {code}",
        _ => "failed",
    };
}
