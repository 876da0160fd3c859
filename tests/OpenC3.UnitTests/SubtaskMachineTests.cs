using OpenC3.Grains.Subtasks;

namespace OpenC3.UnitTests;

public sealed class SubtaskMachineTests
{
    private static readonly string[] ThreeHosts = ["h1", "h2", "h3"];

    [Fact]
    public void AllHostsSucceed_StepSucceeds()
    {
        var (state, effects) = SubtaskMachine.Start(SubtaskMachineState.Initial(failFast: false), ThreeHosts);
        var run = Assert.IsType<SubtaskEffect.RunHosts>(Assert.Single(effects));
        Assert.Equal(ThreeHosts, run.Hosts);
        foreach (var host in ThreeHosts)
        {
            Assert.Equal(SubtaskStatus.Running, state.Status);
            (state, _) = SubtaskMachine.HostFinished(state, host, 1, 0, null);
        }

        Assert.Equal(SubtaskStatus.Success, state.Status);
    }

    [Fact]
    public void FailedHosts_GoToDecision_AndRunningRetriesOnlyThem()
    {
        var state = Finish(SubtaskMachine.Start(SubtaskMachineState.Initial(false), ThreeHosts).State, ("h1", 0), ("h2", 1), ("h3", 0));
        Assert.Equal(SubtaskStatus.Decision, state.Status);
        Assert.Equal(["h2"], state.Failed);

        var (retrying, effects) = SubtaskMachine.Decide(state, SubtaskStatus.Running);
        var run = Assert.IsType<SubtaskEffect.RunHosts>(Assert.Single(effects));
        Assert.Equal(["h2"], run.Hosts);
        Assert.Equal(2, run.Attempt);

        // A late report from the first attempt is ignored; the retry's report counts.
        (retrying, _) = SubtaskMachine.HostFinished(retrying, "h2", 1, 0, null);
        Assert.Equal(SubtaskStatus.Running, retrying.Status);
        (retrying, _) = SubtaskMachine.HostFinished(retrying, "h2", 2, 0, null);
        Assert.Equal(SubtaskStatus.Success, retrying.Status);
    }

    [Fact]
    public void ChosenHostsRetry_RunsOnlyThem_OthersKeepTheirResults_AndAHostThatDidNotFailChangesNothing()
    {
        var state = SubtaskMachine.Start(SubtaskMachineState.Initial(false), ["h1", "h2", "h3", "h4"]).State;
        foreach (var (host, code) in new[] { ("h1", 0), ("h2", 1), ("h3", 1), ("h4", 1) })
        {
            state = SubtaskMachine.HostFinished(state, host, 1, code, null).State;
        }

        Assert.Equal("h1", SubtaskMachine.NotFailed(state, ["h2", "h1"]));
        Assert.Same(state, SubtaskMachine.Decide(state, SubtaskStatus.Running, ["h2", "h1"]).State);
        Assert.Same(state, SubtaskMachine.Decide(state, SubtaskStatus.Running, []).State);

        var (retrying, effects) = SubtaskMachine.Decide(state, SubtaskStatus.Running, ["h4", "h2"]);
        Assert.Equal(["h2", "h4"], Assert.IsType<SubtaskEffect.RunHosts>(Assert.Single(effects)).Hosts);
        Assert.Equal(HostStatus.Fail, retrying.Hosts.Single(h => h.Host == "h3").Status);
        (retrying, _) = SubtaskMachine.HostFinished(retrying, "h2", 2, 0, null);
        (retrying, _) = SubtaskMachine.HostFinished(retrying, "h4", 2, 0, null);
        Assert.Equal(SubtaskStatus.Decision, retrying.Status);
        Assert.Equal(["h3"], retrying.Failed);
    }

    [Fact]
    public void FailFast_FailsTheStepInsteadOfAskingForADecision_SayingWhichHostsFailedAndHow()
    {
        var state = Finish(SubtaskMachine.Start(SubtaskMachineState.Initial(failFast: true, "step 1 (deploy)"), ThreeHosts).State, ("h1", 0), ("h2", 1), ("h3", 0));
        Assert.Equal(SubtaskStatus.Fail, state.Status);
        Assert.Equal("step 1 (deploy): 1 of 3 hosts failed: h2 exit 1", state.Reason);
    }

    [Fact]
    public void FailureSummary_NamesAFewHosts_WithTheirReason_AndCountsAll()
    {
        var hosts = Enumerable.Range(1, 20).Select(i => $"127.0.0.{i}").ToList();
        var (state, _) = SubtaskMachine.Start(SubtaskMachineState.Initial(failFast: true, "step 2 (sleep)"), hosts);
        (state, _) = SubtaskMachine.HostFinished(state, hosts[0], 1, null, "timeout after 5 s");
        state = SubtaskMachine.Recover(state);
        (state, _) = SubtaskMachine.Decide(state, SubtaskStatus.Running);
        for (var i = 0; i < hosts.Count; i++)
        {
            (state, _) = SubtaskMachine.HostFinished(state, hosts[i], state.Attempt, i < 3 ? 0 : 1, null);
        }

        Assert.Equal(SubtaskStatus.Fail, state.Status);
        Assert.Equal("step 2 (sleep): 17 of 20 hosts failed: 127.0.0.4 exit 1, 127.0.0.5 exit 1, 127.0.0.6 exit 1, …", state.Reason);
        var incomplete = SubtaskMachine.Recover(SubtaskMachine.Start(SubtaskMachineState.Initial(false), ["h1"]).State);
        Assert.Equal("step: 1 of 1 hosts failed: h1 incomplete", SubtaskMachine.FailureSummary(incomplete));
    }

    [Fact]
    public void FailFast_KeepsARejection_AsTheReason()
    {
        var (state, _) = SubtaskMachine.Start(SubtaskMachineState.Initial(failFast: true, "step 1 (x)"), ThreeHosts, "the node not on tree: h3");
        Assert.Equal((SubtaskStatus.Fail, "the node not on tree: h3"), (state.Status, state.Reason));
    }

    [Theory]
    [InlineData(SubtaskStatus.Fail)]
    [InlineData(SubtaskStatus.Ignore)]
    public void Decision_FailOrIgnore_EndsTheStep(string control)
    {
        var state = Finish(SubtaskMachine.Start(SubtaskMachineState.Initial(false), ThreeHosts).State, ("h1", 1), ("h2", 1), ("h3", 1));
        var (decided, effects) = SubtaskMachine.Decide(state, control);
        Assert.Equal(control, decided.Status);
        Assert.Empty(effects);
    }

    [Fact]
    public void Decisions_OutsideDecision_ChangeNothing()
    {
        var (running, _) = SubtaskMachine.Start(SubtaskMachineState.Initial(false), ThreeHosts);
        Assert.Same(running, SubtaskMachine.Decide(running, SubtaskStatus.Ignore).State);
    }

    [Fact]
    public void Rejection_FailsEveryHostWithoutRunningAny()
    {
        var (state, effects) = SubtaskMachine.Start(SubtaskMachineState.Initial(false), ThreeHosts, "the node not on tree: h3");
        Assert.Empty(effects);
        Assert.Equal(SubtaskStatus.Decision, state.Status);
        Assert.All(state.Hosts, h => Assert.Equal("the node not on tree: h3", h.Reason));
    }

    [Fact]
    public void Recovery_MarksRunningHostsIncomplete_AndWaitsForADecision()
    {
        var (state, _) = SubtaskMachine.Start(SubtaskMachineState.Initial(false), ThreeHosts);
        (state, _) = SubtaskMachine.HostFinished(state, "h1", 1, 0, null);
        var recovered = SubtaskMachine.Recover(state);
        Assert.Equal(SubtaskStatus.Decision, recovered.Status);
        Assert.Equal(HostStatus.Success, recovered.Hosts.Single(h => h.Host == "h1").Status);
        Assert.All(recovered.Hosts.Where(h => h.Host != "h1"), h =>
        {
            Assert.Equal(HostStatus.Incomplete, h.Status);
            Assert.Equal(SubtaskMachine.CrashReason, h.Reason);
        });

        var (retry, effects) = SubtaskMachine.Decide(recovered, SubtaskStatus.Running);
        Assert.Equal(["h2", "h3"], Assert.IsType<SubtaskEffect.RunHosts>(Assert.Single(effects)).Hosts);
        Assert.Equal(SubtaskStatus.Running, retry.Status);
    }

    [Fact]
    public void Abort_FailsTheStep_AndCancelsWhatRuns()
    {
        var (state, _) = SubtaskMachine.Start(SubtaskMachineState.Initial(false), ThreeHosts);
        var (aborted, effects) = SubtaskMachine.Abort(state, "killed by alice");
        Assert.Equal(SubtaskStatus.Fail, aborted.Status);
        Assert.IsType<SubtaskEffect.CancelRunning>(Assert.Single(effects));
        Assert.All(aborted.Hosts, h => Assert.Equal(HostStatus.Incomplete, h.Status));
    }

    private static SubtaskMachineState Finish(SubtaskMachineState state, params (string Host, int Exit)[] results)
    {
        foreach (var (host, exit) in results)
        {
            (state, _) = SubtaskMachine.HostFinished(state, host, state.Attempt, exit, null);
        }

        return state;
    }
}
