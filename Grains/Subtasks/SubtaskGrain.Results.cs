using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Subtasks;

/// <summary>The step's results as a console reads them: grouped, or one host at a time.</summary>
public sealed partial class SubtaskGrain
{
    /// <summary>The most of one host's output a reply carries.</summary>
    private const int HostOutputBytes = 64 * 1024;

    public Task<StepResults?> Results(string? search) =>
        Task.FromResult(state.State.Start is null ? null : ResultGrouping.Group(state.State.Machine.Status, state.State.Machine.Hosts, state.State.Outputs, search));

    public Task<HostOutput?> Output(string host)
    {
        if (state.State.Machine.Hosts.Find(h => h.Host == host) is not { } run)
        {
            return Task.FromResult<HostOutput?>(null);
        }

        var (text, cut) = OutputText.Capped(OutputText.Current(run, state.State.Outputs), HostOutputBytes);
        return Task.FromResult<HostOutput?>(new HostOutput(run.Host, run.Status.ToWire(), run.ExitCode, run.Reason, text, cut));
    }
}
