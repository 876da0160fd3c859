using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Tasks;

namespace OpenC3.UnitTests;

/// <summary>Upstream §7.4, as its cmd, scp and approval plugins check a step against the run's JOBX batch.</summary>
public sealed class StepSkipRuleTests
{
    [Theory]
    [InlineData("always", "always", "always", false)]
    [InlineData("always", "always", "thelasttime", false)]
    [InlineData("always", "always", "notfirsttime", false)]
    [InlineData("test", "always", "always", true)]
    [InlineData("online", "always", "always", true)]
    [InlineData("always", "deploy", "always", true)]
    [InlineData("always", "rollback", "always", true)]
    [InlineData("always", "always", "firsttime", true)]
    [InlineData("always", "always", "notthelasttime", true)]
    public void StandaloneRun_RunsOnlyWhatNeedsNoDeployment(string deployenv, string action, string batches, bool skipped) =>
        Assert.Equal(skipped, StepSkipRule.Skip(new StepApplicability(deployenv, action, batches), DeploymentBatch.Standalone) is not null);

    [Theory]
    [InlineData("firsttime", 1, 3, false)]
    [InlineData("firsttime", 2, 3, true)]
    [InlineData("thelasttime", 3, 3, false)]
    [InlineData("thelasttime", 2, 3, true)]
    [InlineData("notfirsttime", 1, 3, true)]
    [InlineData("notthelasttime", 3, 3, true)]
    [InlineData("notthelasttime", 2, 3, false)]
    public void Batches_CompareWithTheBatchAndTheirCount(string batches, int batch, int groups, bool skipped) =>
        Assert.Equal(skipped, StepSkipRule.Skip(new StepApplicability("online", "deploy", batches), new DeploymentBatch("online", "deploy", batch, groups)) is not null);

    [Fact]
    public void SkippedStep_LogsUpstreamsChecksUpToTheOneThatSkips()
    {
        var log = StepSkipRule.Skip(new StepApplicability("always", "deploy", "always"), DeploymentBatch.Standalone)!;
        Assert.Contains("expect deployenv: always; real deployenv:nofind\n", log, StringComparison.Ordinal);
        Assert.Contains("expect action: deploy; real action:nofind\n", log, StringComparison.Ordinal);
        Assert.DoesNotContain("expect batches", log, StringComparison.Ordinal);
    }

    [Fact]
    public void StepSnapshottedWithoutApplicability_Runs() => Assert.Null(StepSkipRule.Skip(null, DeploymentBatch.Standalone));
}
